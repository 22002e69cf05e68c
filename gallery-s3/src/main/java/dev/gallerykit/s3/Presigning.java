package dev.gallerykit.s3;

import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.spi.PresignedRequest;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned GET and PUT requests for objects of the bucket, within S3's seven days, as our
 * {@link PresignedRequest} with the headers the signature covers.
 */
final class Presigning {

    private static final Duration MAX_TTL = Duration.ofDays(7);

    private final S3Bucket bucket;
    private final S3Presigner presigner;
    private final S3Encryption encryption;

    Presigning(S3Bucket bucket, S3Presigner presigner, S3Encryption encryption) {
        this.bucket = bucket;
        this.presigner = presigner;
        this.encryption = encryption;
    }

    PresignedRequest get(String objectKey, Duration ttl, Optional<String> contentDisposition) {
        checkTtl(ttl);
        var presigned = bucket.call("presign GET", objectKey, () -> presigner.presignGetObject(p -> p
                .signatureDuration(ttl)
                .getObjectRequest(g -> g.bucket(bucket.name()).key(objectKey)
                        .responseContentDisposition(contentDisposition.orElse(null)))));
        return ours(presigned, "GET");
    }

    /** Signs the content type, the length and the encryption header, so that S3 refuses any other. */
    PresignedRequest put(String objectKey, String contentType, long length, Duration ttl) {
        checkTtl(ttl);
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket.name()).key(objectKey)
                .contentType(contentType).contentLength(length);
        encryption.applyTo(put);
        var presigned = bucket.call("presign PUT", objectKey, () -> presigner.presignPutObject(p -> p
                .signatureDuration(ttl).putObjectRequest(put.build())));
        return ours(presigned, "PUT");
    }

    private static void checkTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new InvalidInputException("ttl", "must be positive, was " + ttl);
        }
        if (ttl.compareTo(MAX_TTL) > 0) {
            throw new InvalidInputException("ttl", "must be at most 7 days (S3's limit for signatures), was " + ttl);
        }
    }

    private static PresignedRequest ours(software.amazon.awssdk.awscore.presigner.PresignedRequest presigned,
            String method) {
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            // The HTTP client sets Host from the URL; the rest the caller must send.
            if (!name.equalsIgnoreCase("host")) {
                headers.put(headerName(name), String.join(",", values));
            }
        });
        try {
            return new PresignedRequest(method, presigned.url().toURI(), headers, presigned.expiration());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK presigned a URL that is no URI: " + presigned.url(), e);
        }
    }

    /** {@code content-type} as {@code Content-Type}: the names are case-insensitive, people read them like this. */
    private static String headerName(String name) {
        StringBuilder pretty = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            pretty.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return pretty.toString();
    }
}
