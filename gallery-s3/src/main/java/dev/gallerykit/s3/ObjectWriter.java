package dev.gallerykit.s3;

import static dev.gallerykit.spi.BlobStore.UNKNOWN_LENGTH;

import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.spi.BlobAttributes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Writes one object from a stream it reads once: below the multipart threshold in one
 * {@code PutObject}, from it on in a {@link MultipartUpload} whose parts are read one at a time into
 * a single reused buffer, so that a put holds at most about one part in memory. A stream that fails,
 * or ends before or after its declared length, aborts the upload: nothing is left behind.
 */
final class ObjectWriter {

    private static final int MAX_PARTS = 10_000;
    private static final String OCTET_STREAM = "application/octet-stream";

    private final S3Bucket bucket;
    private final KeyPrefix keys;
    private final S3Encryption encryption;
    private final long multipartThreshold;
    private final long partSize;

    ObjectWriter(S3Bucket bucket, KeyPrefix keys, S3Encryption encryption, long multipartThreshold, long partSize) {
        this.bucket = bucket;
        this.keys = keys;
        this.encryption = encryption;
        this.multipartThreshold = multipartThreshold;
        this.partSize = partSize;
    }

    /** @param length the declared length, at most S3's largest object, or {@code UNKNOWN_LENGTH} */
    void put(String objectKey, InputStream content, long length, BlobAttributes attributes) {
        if (length == UNKNOWN_LENGTH) {
            putOfUnknownLength(objectKey, content, attributes);
        } else if (length < multipartThreshold) {
            byte[] bytes = new byte[(int) length];
            int read = readFully(content, bytes, bytes.length, objectKey);
            requireLength(length, read, content, objectKey);
            putObject(objectKey, bytes, read, attributes);
        } else {
            putInParts(objectKey, content, length, attributes, new byte[(int) partSizeFor(length)], 0);
        }
    }

    private void putOfUnknownLength(String objectKey, InputStream content, BlobAttributes attributes) {
        // The first part holds up to the threshold, so that the choice between one PUT and parts is
        // made on bytes actually read; later parts reuse the same buffer.
        byte[] buffer = new byte[(int) Math.max(multipartThreshold, partSize)];
        int read = readFully(content, buffer, (int) multipartThreshold, objectKey);
        if (read < multipartThreshold) {
            putObject(objectKey, buffer, read, attributes);
        } else {
            putInParts(objectKey, content, UNKNOWN_LENGTH, attributes, buffer, read);
        }
    }

    /** The part size for a declared length: at least the configured one, and few enough parts for S3. */
    private long partSizeFor(long length) {
        long needed = (length + MAX_PARTS - 1) / MAX_PARTS;
        return Math.min(length, Math.max(partSize, needed));
    }

    private void putObject(String objectKey, byte[] bytes, int count, BlobAttributes attributes) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket.name()).key(objectKey)
                .contentType(attributes.contentType()).contentLength((long) count);
        attributes.cacheControl().ifPresent(request::cacheControl);
        encryption.applyTo(request);
        bucket.call("PutObject", objectKey, () -> bucket.client().putObject(request.build(), body(bytes, count)));
    }

    /**
     * @param length the declared length, or {@code UNKNOWN_LENGTH}
     * @param buffer holds the first {@code buffered} bytes already read; reused for every part
     */
    private void putInParts(String objectKey, InputStream content, long length, BlobAttributes attributes,
            byte[] buffer, int buffered) {
        int count = buffered;
        long total = 0;
        if (length != UNKNOWN_LENGTH) {
            int wanted = (int) Math.min(buffer.length, length);
            count = readFully(content, buffer, wanted, objectKey);
            if (count < wanted) {
                requireAtLeast(length, count, objectKey);
            }
        }
        MultipartUpload upload = MultipartUpload.start(bucket, objectKey, attributes, encryption);
        try {
            while (true) {
                upload.send(body(buffer, count), count);
                total += count;
                int next = length == UNKNOWN_LENGTH ? (int) Math.min(buffer.length, partSize)
                        : (int) Math.min(buffer.length, length - total);
                if (next == 0) {
                    if (length != UNKNOWN_LENGTH) {
                        requireLength(length, total, content, objectKey);
                    }
                    break;
                }
                count = readFully(content, buffer, next, objectKey);
                if (length != UNKNOWN_LENGTH) {
                    if (count < next) {
                        requireAtLeast(length, total + count, objectKey);
                    }
                } else if (count == 0) {
                    break;
                } else if (upload.parts() == MAX_PARTS) {
                    throw new LimitExceededException("bytes", MAX_PARTS * partSize, "S3 allows " + MAX_PARTS
                            + " parts of " + partSize + " bytes (the part size) for a stream of unknown length");
                }
            }
            upload.complete();
        } catch (RuntimeException | Error e) {
            upload.abort(e);
            throw e;
        }
    }

    /** A body over the buffer without copying it, that the SDK can re-read for a checksum or a retry. */
    private static RequestBody body(byte[] buffer, int count) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, count), count, OCTET_STREAM);
    }

    private int readFully(InputStream content, byte[] buffer, int wanted, String objectKey) {
        try {
            return content.readNBytes(buffer, 0, wanted);
        } catch (IOException e) {
            throw unreadable(objectKey, e);
        }
    }

    private void requireAtLeast(long declared, long read, String objectKey) {
        if (read < declared) {
            throw new InvalidInputException("length", "was declared as " + declared
                    + " bytes but the stream of " + keys.callerKey(objectKey) + " ended after " + read);
        }
    }

    private void requireLength(long declared, long read, InputStream content, String objectKey) {
        if (read < declared) {
            requireAtLeast(declared, read, objectKey);
        }
        int more;
        try {
            more = content.read();
        } catch (IOException e) {
            throw unreadable(objectKey, e);
        }
        if (more != -1) {
            throw new InvalidInputException("length", "was declared as " + declared + " bytes but the stream of "
                    + keys.callerKey(objectKey) + " has more");
        }
    }

    private StorageUnavailableException unreadable(String objectKey, IOException e) {
        return new StorageUnavailableException("reading the content for " + keys.callerKey(objectKey)
                + " failed: " + e.getMessage(), e);
    }
}
