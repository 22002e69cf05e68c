package dev.gallerykit.s3;

import dev.gallerykit.spi.BlobAttributes;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * One multipart upload of one object: its parts in order, each with a CRC32 checksum, then either
 * complete (the object appears whole) or abort (no object and no parts are left).
 */
final class MultipartUpload {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUpload.class);

    private final S3Bucket bucket;
    private final String objectKey;
    private final String uploadId;
    private final List<CompletedPart> parts = new ArrayList<>();

    private MultipartUpload(S3Bucket bucket, String objectKey, String uploadId) {
        this.bucket = bucket;
        this.objectKey = objectKey;
        this.uploadId = uploadId;
    }

    /** Starts an upload whose object will carry the attributes and the encryption. */
    static MultipartUpload start(S3Bucket bucket, String objectKey, BlobAttributes attributes, S3Encryption encryption) {
        CreateMultipartUploadRequest.Builder request = CreateMultipartUploadRequest.builder().bucket(bucket.name())
                .key(objectKey).contentType(attributes.contentType())
                .checksumAlgorithm(ChecksumAlgorithm.CRC32);
        attributes.cacheControl().ifPresent(request::cacheControl);
        encryption.applyTo(request);
        String uploadId = bucket.call("CreateMultipartUpload", objectKey,
                () -> bucket.client().createMultipartUpload(request.build())).uploadId();
        return new MultipartUpload(bucket, objectKey, uploadId);
    }

    /** Sends the next part. */
    void send(RequestBody body, long length) {
        int number = parts.size() + 1;
        UploadPartResponse response = bucket.call("UploadPart", objectKey, () -> bucket.client().uploadPart(b -> b
                .bucket(bucket.name()).key(objectKey).uploadId(uploadId).partNumber(number).contentLength(length)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32), body));
        parts.add(CompletedPart.builder().partNumber(number).eTag(response.eTag())
                .checksumCRC32(response.checksumCRC32()).build());
    }

    /** How many parts went up so far. */
    int parts() {
        return parts.size();
    }

    /** Assembles the parts sent into the object. */
    void complete() {
        bucket.call("CompleteMultipartUpload", objectKey, () -> bucket.client().completeMultipartUpload(b -> b
                .bucket(bucket.name()).key(objectKey).uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
    }

    /**
     * Drops the upload and its parts after {@code failure}, which stays the error the caller sees;
     * an abort that fails too is added to it as suppressed.
     */
    void abort(Throwable failure) {
        try {
            bucket.client().abortMultipartUpload(b -> b.bucket(bucket.name()).key(objectKey).uploadId(uploadId));
        } catch (SdkException e) {
            // The parts left behind cost money, so say so.
            LOG.warn("could not abort multipart upload {} of s3://{}/{}; a lifecycle rule for incomplete "
                    + "multipart uploads will remove its parts", uploadId, bucket.name(), objectKey, e);
            failure.addSuppressed(e);
        }
    }
}
