package dev.gallerykit.s3;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The server-side encryption {@link S3BlobStore} asks for on every object it writes, and binds into
 * presigned PUTs (the uploading client then must send the header, see
 * {@link dev.gallerykit.spi.PresignedRequest#headers()}).
 *
 * <pre>{@code
 * S3BlobStore.builder().bucket("photos").serverSideEncryption(S3Encryption.sseKms("alias/photos")).build();
 * }</pre>
 */
public final class S3Encryption {

    private static final S3Encryption NONE = new S3Encryption(null, null);
    private static final S3Encryption SSE_S3 = new S3Encryption(ServerSideEncryption.AES256, null);

    private final ServerSideEncryption algorithm;
    private final String kmsKeyId;

    private S3Encryption(ServerSideEncryption algorithm, String kmsKeyId) {
        this.algorithm = algorithm;
        this.kmsKeyId = kmsKeyId;
    }

    /** No header: the bucket's default encryption applies (on AWS, SSE-S3 at least). */
    public static S3Encryption none() {
        return NONE;
    }

    /** SSE-S3: {@code x-amz-server-side-encryption: AES256}, keys managed by S3. */
    public static S3Encryption sseS3() {
        return SSE_S3;
    }

    /** SSE-KMS with the account's AWS-managed key {@code aws/s3}. */
    public static S3Encryption sseKms() {
        return new S3Encryption(ServerSideEncryption.AWS_KMS, null);
    }

    /** SSE-KMS with the given key id, key ARN or alias ({@code alias/photos}). */
    public static S3Encryption sseKms(String kmsKeyId) {
        if (kmsKeyId == null || kmsKeyId.isBlank()) {
            throw new IllegalArgumentException("a KMS key id must not be blank; use sseKms() for the aws/s3 key");
        }
        return new S3Encryption(ServerSideEncryption.AWS_KMS, kmsKeyId);
    }

    /** {@code AES256}, {@code aws:kms}, or empty for none. */
    public Optional<String> algorithm() {
        return Optional.ofNullable(algorithm).map(ServerSideEncryption::toString);
    }

    public Optional<String> kmsKeyId() {
        return Optional.ofNullable(kmsKeyId);
    }

    void applyTo(PutObjectRequest.Builder request) {
        if (algorithm != null) {
            request.serverSideEncryption(algorithm).ssekmsKeyId(kmsKeyId);
        }
    }

    void applyTo(CreateMultipartUploadRequest.Builder request) {
        if (algorithm != null) {
            request.serverSideEncryption(algorithm).ssekmsKeyId(kmsKeyId);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof S3Encryption that && algorithm == that.algorithm
                && Objects.equals(kmsKeyId, that.kmsKeyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, kmsKeyId);
    }

    @Override
    public String toString() {
        return algorithm == null ? "none" : algorithm + (kmsKeyId == null ? "" : " " + kmsKeyId);
    }
}
