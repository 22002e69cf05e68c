package dev.gallerykit.s3;

import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.Slice;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads from the bucket: objects whole or in ranges (as an {@link ObjectStream}), their metadata,
 * and listings in key order. Absent objects are empty results; every {@link BlobInfo} names the
 * caller's key, without the prefix.
 */
final class ObjectReader {

    private static final int MAX_KEYS_PER_LIST = 1000;
    private static final String OCTET_STREAM = "application/octet-stream";

    private final S3Bucket bucket;
    private final KeyPrefix keys;

    ObjectReader(S3Bucket bucket, KeyPrefix keys) {
        this.bucket = bucket;
        this.keys = keys;
    }

    Optional<Blob> get(String objectKey) {
        return open(objectKey, null);
    }

    /** {@code length} bytes from {@code offset}, both checked to be at least 0; the info gives the whole size. */
    Optional<Blob> get(String objectKey, long offset, long length) {
        if (length == 0) {
            return nothingOf(objectKey);
        }
        long last = offset + length - 1;
        return open(objectKey, "bytes=" + offset + "-" + (last < offset ? "" : Long.toString(last)));
    }

    Optional<BlobInfo> head(String objectKey) {
        HeadObjectResponse object;
        try {
            object = bucket.client().headObject(b -> b.bucket(bucket.name()).key(objectKey));
        } catch (SdkException e) {
            if (S3Errors.isAbsentObject(e)) {
                bucket.checkExists("HeadObject", objectKey, e);
                return Optional.empty();
            }
            throw bucket.failure("HeadObject", objectKey, e);
        }
        return Optional.of(new BlobInfo(keys.callerKey(objectKey), object.contentLength(),
                contentType(object.contentType()), lastModified(object.lastModified())));
    }

    /**
     * Up to {@code limit} objects under the caller's {@code prefix}, after the caller's key
     * {@code after}; S3 lists no content types, so each says {@code application/octet-stream}.
     */
    Slice<BlobInfo> list(String prefix, int limit, Optional<String> after) {
        String fullPrefix = keys.value() + prefix;
        List<BlobInfo> items = new ArrayList<>(Math.min(limit, MAX_KEYS_PER_LIST));
        String token = null;
        while (true) {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket.name())
                    .prefix(fullPrefix).maxKeys(Math.min(MAX_KEYS_PER_LIST, limit - items.size()))
                    .encodingType(EncodingType.URL);
            if (token != null) {
                request.continuationToken(token);
            } else {
                after.ifPresent(position -> request.startAfter(keys.value() + position));
            }
            ListObjectsV2Response response = bucket.call("ListObjectsV2", fullPrefix,
                    () -> bucket.client().listObjectsV2(request.build()));
            for (S3Object object : response.contents()) {
                items.add(new BlobInfo(keys.callerKey(object.key()), object.size() == null ? 0 : object.size(),
                        OCTET_STREAM, lastModified(object.lastModified())));
            }
            if (!Boolean.TRUE.equals(response.isTruncated())) {
                return Slice.last(items);
            }
            token = response.nextContinuationToken();
            if (items.size() >= limit || token == null) {
                // A truncated answer without a token (a broken server) ends the listing rather than loop.
                return items.isEmpty() ? Slice.last(items)
                        : new Slice<>(items, Optional.of(items.get(items.size() - 1).key()));
            }
        }
    }

    private Optional<Blob> open(String objectKey, String range) {
        GetObjectRequest request = GetObjectRequest.builder().bucket(bucket.name()).key(objectKey).range(range).build();
        ResponseInputStream<GetObjectResponse> response;
        try {
            response = bucket.client().getObject(request);
        } catch (SdkException e) {
            if (S3Errors.isAbsentObject(e)) {
                return Optional.empty();
            }
            if (range != null && S3Errors.hasStatus(e, 416)) {
                // A range that starts at or past the end: no bytes, but the object is there.
                return nothingOf(objectKey);
            }
            throw bucket.failure("GetObject", objectKey, e);
        }
        GetObjectResponse object = response.response();
        long size = range == null ? object.contentLength() : totalSize(object.contentRange());
        if (size < 0) {
            Optional<BlobInfo> info = head(objectKey);
            if (info.isEmpty()) {
                response.abort();
                return Optional.empty();
            }
            size = info.get().size();
        }
        BlobInfo info = new BlobInfo(keys.callerKey(objectKey), size, contentType(object.contentType()),
                lastModified(object.lastModified()));
        return Optional.of(new Blob(info, new ObjectStream(response)));
    }

    /** The object's info with no bytes, for empty ranges. */
    private Optional<Blob> nothingOf(String objectKey) {
        return head(objectKey).map(info -> new Blob(info, InputStream.nullInputStream()));
    }

    /** The object's size from {@code Content-Range: bytes 10-29/100}, or -1 when not given. */
    private static long totalSize(String contentRange) {
        if (contentRange == null) {
            return -1;
        }
        int slash = contentRange.lastIndexOf('/');
        try {
            return slash < 0 ? -1 : Long.parseLong(contentRange.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String contentType(String contentType) {
        return contentType == null || contentType.isBlank() ? OCTET_STREAM : contentType;
    }

    private static Instant lastModified(Instant lastModified) {
        return lastModified == null ? Instant.EPOCH : lastModified;
    }
}
