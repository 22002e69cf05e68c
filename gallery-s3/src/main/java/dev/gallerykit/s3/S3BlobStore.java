package dev.gallerykit.s3;

import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.spi.Slice;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The {@link BlobStore} on Amazon S3 or an S3-compatible server (LocalStack, MinIO, S3Proxy), on the
 * AWS SDK v2 sync client.
 *
 * <p>Writes stream: below {@linkplain Builder#multipartThreshold the threshold} (8 MiB by default) one
 * {@code PutObject}; from it on a multipart upload whose parts are read one at a time into a single
 * reused buffer, so a put holds at most about one part in memory whatever the object's size. Any
 * failure (the stream, a length that differs from the declared one, S3) aborts the multipart upload:
 * no object and no parts are left behind, and an object the put was to replace stays as it was.
 *
 * <p>Key layout: the store writes each caller's key under an optional {@linkplain Builder#keyPrefix
 * key prefix} (a tenant), invisible to callers: {@code tenant-a/} + {@code {ownerId}/{photoId}/original}.
 * The limit of 1024 UTF-8 bytes holds for the prefix and the key together.
 *
 * <p>Errors: absent objects are empty results; throttling, 5xx answers, timeouts and connection
 * failures are a retryable {@link StorageUnavailableException}; other refusals an
 * {@link S3StorageException} with S3's error code. No SDK exception crosses the port.
 *
 * <pre>{@code
 * S3BlobStore blobs = S3BlobStore.builder()       // region, credentials, AWS_ENDPOINT_URL from the SDK defaults
 *         .bucket("my-photos")
 *         .keyPrefix("tenant-a/")
 *         .serverSideEncryption(S3Encryption.sseS3())
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} closes the SDK clients the store built itself, never those it was given.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3BlobStore.class);

    private static final long MIB = 1024 * 1024;
    /** S3's smallest part (but the last). */
    public static final long MIN_PART_SIZE = 5 * MIB;
    /** Largest part or threshold this store accepts: a part is buffered in one array. */
    public static final long MAX_BUFFER_SIZE = 1024 * MIB;
    /** Default {@link Builder#multipartThreshold} and {@link Builder#partSize}. */
    public static final long DEFAULT_PART_SIZE = 8 * MIB;
    private static final int MAX_PARTS = 10_000;
    private static final long MAX_OBJECT_SIZE = 5L * 1024 * 1024 * MIB;
    private static final long MAX_SINGLE_PUT = 5L * 1024 * MIB;
    private static final int MAX_KEYS_PER_DELETE = 1000;
    private static final int MAX_KEYS_PER_LIST = 1000;
    private static final Duration MAX_PRESIGN_TTL = Duration.ofDays(7);
    private static final String OCTET_STREAM = "application/octet-stream";

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String keyPrefix;
    private final long multipartThreshold;
    private final long partSize;
    private final S3Encryption encryption;
    private final boolean ownsClient;
    private final boolean ownsPresigner;

    private S3BlobStore(Builder builder, S3Client s3, S3Presigner presigner) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = builder.bucket;
        this.keyPrefix = builder.keyPrefix;
        this.multipartThreshold = builder.multipartThreshold;
        this.partSize = builder.partSize;
        this.encryption = builder.encryption;
        this.ownsClient = builder.client == null;
        this.ownsPresigner = builder.presigner == null;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String bucket() {
        return bucket;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    /** Creates the bucket unless it exists (and is ours): for tests, demos and first starts. */
    public void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return;
        } catch (SdkException e) {
            if (!S3Errors.hasStatus(e, 404)) {
                throw S3Errors.translate("HeadBucket " + bucket, e);
            }
        }
        try {
            Region region = s3.serviceClientConfiguration().region();
            s3.createBucket(b -> {
                b.bucket(bucket);
                // us-east-1 is the one region that must not be named as a location constraint.
                if (region != null && !Region.US_EAST_1.equals(region) && !region.isGlobalRegion()) {
                    b.createBucketConfiguration(CreateBucketConfiguration.builder()
                            .locationConstraint(region.id()).build());
                }
            });
        } catch (SdkException e) {
            if (!S3Errors.hasCode(e, "BucketAlreadyOwnedByYou")) {
                throw S3Errors.translate("CreateBucket " + bucket, e);
            }
        }
    }

    // ------------------------------------------------------------------ writing

    @Override
    public void put(String key, InputStream content, long length, BlobAttributes attributes) {
        String objectKey = objectKey(key);
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(attributes, "attributes");
        if (length < UNKNOWN_LENGTH) {
            throw new InvalidInputException("length", "must be UNKNOWN_LENGTH or at least 0, was " + length);
        }
        if (length > MAX_OBJECT_SIZE) {
            throw new LimitExceededException("bytes", MAX_OBJECT_SIZE, "S3 stores objects of up to 5 TiB, "
                    + key + " was declared as " + length + " bytes");
        }
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
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(objectKey)
                .contentType(attributes.contentType()).contentLength((long) count);
        attributes.cacheControl().ifPresent(request::cacheControl);
        encryption.applyTo(request);
        call("PutObject", objectKey, () -> s3.putObject(request.build(), body(bytes, count)));
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
        String uploadId = createMultipartUpload(objectKey, attributes);
        List<CompletedPart> parts = new ArrayList<>();
        try {
            while (true) {
                parts.add(uploadPart(objectKey, uploadId, parts.size() + 1, buffer, count));
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
                } else if (parts.size() == MAX_PARTS) {
                    throw new LimitExceededException("bytes", MAX_PARTS * partSize, "S3 allows " + MAX_PARTS
                            + " parts of " + partSize + " bytes (the part size) for a stream of unknown length");
                }
            }
            call("CompleteMultipartUpload", objectKey, () -> s3.completeMultipartUpload(b -> b.bucket(bucket)
                    .key(objectKey).uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
        } catch (RuntimeException | Error e) {
            abort(objectKey, uploadId, e);
            throw e;
        }
    }

    private String createMultipartUpload(String objectKey, BlobAttributes attributes) {
        CreateMultipartUploadRequest.Builder request = CreateMultipartUploadRequest.builder().bucket(bucket)
                .key(objectKey).contentType(attributes.contentType())
                .checksumAlgorithm(ChecksumAlgorithm.CRC32);
        attributes.cacheControl().ifPresent(request::cacheControl);
        encryption.applyTo(request);
        return call("CreateMultipartUpload", objectKey, () -> s3.createMultipartUpload(request.build())).uploadId();
    }

    private CompletedPart uploadPart(String objectKey, String uploadId, int number, byte[] buffer, int count) {
        UploadPartResponse response = call("UploadPart", objectKey, () -> s3.uploadPart(b -> b.bucket(bucket)
                .key(objectKey).uploadId(uploadId).partNumber(number).contentLength((long) count)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32), body(buffer, count)));
        return CompletedPart.builder().partNumber(number).eTag(response.eTag())
                .checksumCRC32(response.checksumCRC32()).build();
    }

    private void abort(String objectKey, String uploadId, Throwable failure) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId));
        } catch (SdkException e) {
            // The failure the caller sees stays the original one; the parts left behind cost money, so say so.
            LOG.warn("could not abort multipart upload {} of s3://{}/{}; a lifecycle rule for incomplete "
                    + "multipart uploads will remove its parts", uploadId, bucket, objectKey, e);
            failure.addSuppressed(e);
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
            throw new StorageUnavailableException("reading the content for " + displayKey(objectKey)
                    + " failed: " + e.getMessage(), e);
        }
    }

    private void requireAtLeast(long declared, long read, String objectKey) {
        if (read < declared) {
            throw new InvalidInputException("length", "was declared as " + declared
                    + " bytes but the stream of " + displayKey(objectKey) + " ended after " + read);
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
            throw new StorageUnavailableException("reading the content for " + displayKey(objectKey)
                    + " failed: " + e.getMessage(), e);
        }
        if (more != -1) {
            throw new InvalidInputException("length", "was declared as " + declared + " bytes but the stream of "
                    + displayKey(objectKey) + " has more");
        }
    }

    // ------------------------------------------------------------------ reading

    @Override
    public Optional<Blob> get(String key) {
        return open(objectKey(key), null);
    }

    @Override
    public Optional<Blob> get(String key, long offset, long length) {
        String objectKey = objectKey(key);
        if (offset < 0) {
            throw new InvalidInputException("offset", "must not be negative, was " + offset);
        }
        if (length < 0) {
            throw new InvalidInputException("length", "must not be negative, was " + length);
        }
        if (length == 0) {
            return headObject(objectKey).map(info -> new Blob(info, InputStream.nullInputStream()));
        }
        long last = offset + length - 1;
        return open(objectKey, "bytes=" + offset + "-" + (last < offset ? "" : Long.toString(last)));
    }

    private Optional<Blob> open(String objectKey, String range) {
        GetObjectRequest request = GetObjectRequest.builder().bucket(bucket).key(objectKey).range(range).build();
        ResponseInputStream<GetObjectResponse> response;
        try {
            response = s3.getObject(request);
        } catch (SdkException e) {
            if (S3Errors.isAbsentObject(e)) {
                return Optional.empty();
            }
            if (range != null && S3Errors.hasStatus(e, 416)) {
                // A range that starts at or past the end: no bytes, but the object is there.
                return headObject(objectKey).map(info -> new Blob(info, InputStream.nullInputStream()));
            }
            throw S3Errors.translate("GetObject " + bucket + "/" + objectKey, e);
        }
        GetObjectResponse object = response.response();
        long size = range == null ? object.contentLength() : totalSize(object.contentRange());
        if (size < 0) {
            Optional<BlobInfo> info = headObject(objectKey);
            if (info.isEmpty()) {
                response.abort();
                return Optional.empty();
            }
            size = info.get().size();
        }
        BlobInfo info = new BlobInfo(callerKey(objectKey), size, contentType(object.contentType()),
                lastModified(object.lastModified()));
        return Optional.of(new Blob(info, new ObjectStream(response)));
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

    @Override
    public Optional<BlobInfo> head(String key) {
        return headObject(objectKey(key));
    }

    private Optional<BlobInfo> headObject(String objectKey) {
        HeadObjectResponse object;
        try {
            object = s3.headObject(b -> b.bucket(bucket).key(objectKey));
        } catch (SdkException e) {
            if (S3Errors.isAbsentObject(e)) {
                return Optional.empty();
            }
            throw S3Errors.translate("HeadObject " + bucket + "/" + objectKey, e);
        }
        return Optional.of(new BlobInfo(callerKey(objectKey), object.contentLength(),
                contentType(object.contentType()), lastModified(object.lastModified())));
    }

    /**
     * {@inheritDoc}
     *
     * <p>S3's listing does not carry content types: every listed {@link BlobInfo} says
     * {@code application/octet-stream}; {@link #head} gives the stored one. {@code after} is the last
     * key of the previous slice, so a position stays valid however long it is kept.
     */
    @Override
    public Slice<BlobInfo> list(String prefix, int limit, Optional<String> after) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(after, "after");
        if (limit < 1) {
            throw new InvalidInputException("limit", "must be at least 1, was " + limit);
        }
        String fullPrefix = keyPrefix + prefix;
        List<BlobInfo> items = new ArrayList<>(Math.min(limit, MAX_KEYS_PER_LIST));
        String token = null;
        while (true) {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(fullPrefix)
                    .maxKeys(Math.min(MAX_KEYS_PER_LIST, limit - items.size())).encodingType(EncodingType.URL);
            if (token != null) {
                request.continuationToken(token);
            } else {
                after.ifPresent(position -> request.startAfter(keyPrefix + position));
            }
            ListObjectsV2Response response = call("ListObjectsV2", fullPrefix, () -> s3.listObjectsV2(request.build()));
            for (S3Object object : response.contents()) {
                items.add(new BlobInfo(callerKey(object.key()), object.size() == null ? 0 : object.size(),
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

    // ------------------------------------------------------------------ deleting

    @Override
    public void delete(String key) {
        String objectKey = objectKey(key);
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(objectKey));
        } catch (SdkException e) {
            if (!S3Errors.isAbsentObject(e)) {
                throw S3Errors.translate("DeleteObject " + bucket + "/" + objectKey, e);
            }
        }
    }

    /** Sends {@code DeleteObjects} requests of up to 1,000 distinct keys each. */
    @Override
    public Map<String, String> deleteAll(Collection<String> keys) {
        Objects.requireNonNull(keys, "keys");
        Set<String> objectKeys = new LinkedHashSet<>();
        for (String key : keys) {
            objectKeys.add(objectKey(key));
        }
        Map<String, String> failures = new LinkedHashMap<>();
        List<ObjectIdentifier> batch = new ArrayList<>(Math.min(objectKeys.size(), MAX_KEYS_PER_DELETE));
        for (String objectKey : objectKeys) {
            batch.add(ObjectIdentifier.builder().key(objectKey).build());
            if (batch.size() == MAX_KEYS_PER_DELETE) {
                deleteBatch(batch, failures);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            deleteBatch(batch, failures);
        }
        return failures;
    }

    private void deleteBatch(List<ObjectIdentifier> batch, Map<String, String> failures) {
        Delete delete = Delete.builder().objects(batch).quiet(true).build();
        DeleteObjectsResponse response = call("DeleteObjects", batch.size() + " keys",
                () -> s3.deleteObjects(b -> b.bucket(bucket).delete(delete)));
        for (S3Error error : response.errors()) {
            if (!"NoSuchKey".equals(error.code())) {
                failures.put(callerKey(error.key()), error.code() + ": " + error.message());
            }
        }
    }

    // ------------------------------------------------------------------ presigning

    @Override
    public PresignedRequest presignGet(String key, Duration ttl, Optional<String> contentDisposition) {
        String objectKey = objectKey(key);
        Objects.requireNonNull(contentDisposition, "contentDisposition");
        checkTtl(ttl);
        var presigned = call("presign GET", objectKey, () -> presigner.presignGetObject(p -> p.signatureDuration(ttl)
                .getObjectRequest(g -> g.bucket(bucket).key(objectKey)
                        .responseContentDisposition(contentDisposition.orElse(null)))));
        return presigned(presigned, "GET");
    }

    /** The returned headers (the content type and length, and the encryption header if any) are signed: send them as given. */
    @Override
    public PresignedRequest presignPut(String key, String contentType, long length, Duration ttl) {
        String objectKey = objectKey(key);
        if (contentType == null || contentType.isBlank()) {
            throw new InvalidInputException("contentType", "must not be blank");
        }
        if (length < 0) {
            throw new InvalidInputException("length", "must not be negative, was " + length);
        }
        if (length > MAX_SINGLE_PUT) {
            throw new LimitExceededException("bytes", MAX_SINGLE_PUT, "a single PUT to S3 takes up to 5 GiB, "
                    + key + " was to be " + length + " bytes");
        }
        checkTtl(ttl);
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(objectKey)
                .contentType(contentType).contentLength(length);
        encryption.applyTo(put);
        var presigned = call("presign PUT", objectKey, () -> presigner.presignPutObject(p -> p.signatureDuration(ttl)
                .putObjectRequest(put.build())));
        return presigned(presigned, "PUT");
    }

    private static PresignedRequest presigned(software.amazon.awssdk.awscore.presigner.PresignedRequest presigned,
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

    private static void checkTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new InvalidInputException("ttl", "must be positive, was " + ttl);
        }
        if (ttl.compareTo(MAX_PRESIGN_TTL) > 0) {
            throw new InvalidInputException("ttl", "must be at most 7 days (S3's limit for signatures), was " + ttl);
        }
    }

    // ------------------------------------------------------------------ keys and plumbing

    /** The caller's key, checked, with the key prefix in front. */
    private String objectKey(String key) {
        BlobStore.checkKey(key);
        if (keyPrefix.isEmpty()) {
            return key;
        }
        String objectKey = keyPrefix + key;
        int bytes = objectKey.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            throw new InvalidInputException("key", "is " + bytes + " UTF-8 bytes long with the key prefix \""
                    + keyPrefix + "\", more than " + MAX_KEY_BYTES);
        }
        return objectKey;
    }

    private String callerKey(String objectKey) {
        return objectKey.startsWith(keyPrefix) ? objectKey.substring(keyPrefix.length()) : objectKey;
    }

    private String displayKey(String objectKey) {
        return callerKey(objectKey);
    }

    private static String contentType(String contentType) {
        return contentType == null || contentType.isBlank() ? OCTET_STREAM : contentType;
    }

    private static Instant lastModified(Instant lastModified) {
        return lastModified == null ? Instant.EPOCH : lastModified;
    }

    private <T> T call(String operation, String objectKey, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw S3Errors.translate(operation + " " + bucket + "/" + objectKey, e);
        }
    }

    /** Closes the SDK client and presigner if this store built them; those given to the builder stay open. */
    @Override
    public void close() {
        if (ownsPresigner) {
            presigner.close();
        }
        if (ownsClient) {
            s3.close();
        }
    }

    @Override
    public String toString() {
        return "S3BlobStore[s3://" + bucket + "/" + keyPrefix + "]";
    }

    /** Stops reading an object early without draining the rest of it over the network. */
    private static final class ObjectStream extends FilterInputStream {

        private final ResponseInputStream<?> response;
        private boolean ended;

        ObjectStream(ResponseInputStream<?> response) {
            super(response);
            this.response = response;
        }

        @Override
        public int read() throws IOException {
            int next = super.read();
            ended |= next < 0;
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = super.read(buffer, offset, length);
            ended |= count < 0;
            return count;
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                response.abort();
            }
            super.close();
        }
    }

    /**
     * Configures an {@link S3BlobStore}. Only {@link #bucket} is required; without a {@link #client}
     * the store builds one from the SDK defaults: the credentials chain, the region chain
     * ({@code AWS_REGION}, profile), and an endpoint from {@code AWS_ENDPOINT_URL_S3} or
     * {@code AWS_ENDPOINT_URL} (so LocalStack works with no code change), with the Apache HTTP client.
     */
    public static final class Builder {

        private S3Client client;
        private S3Presigner presigner;
        private String bucket;
        private String keyPrefix = "";
        private long multipartThreshold = DEFAULT_PART_SIZE;
        private long partSize = DEFAULT_PART_SIZE;
        private S3Encryption encryption = S3Encryption.none();
        private Boolean pathStyleAccess;
        private URI endpoint;
        private Region region;
        private AwsCredentialsProvider credentials;

        private Builder() {
        }

        /** The client to use, configured by the host; the store never closes it. */
        public Builder client(S3Client client) {
            this.client = client;
            return this;
        }

        /**
         * The presigner to use; the store never closes it. Without one the store makes one that shares
         * the {@link #client}'s configuration (or the SDK defaults).
         */
        public Builder presigner(S3Presigner presigner) {
            this.presigner = presigner;
            return this;
        }

        /** Required: the bucket that holds the blobs. */
        public Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        /**
         * A prefix in front of every key, such as {@code "tenant-a/"}, invisible to callers: list gives
         * keys without it. Empty by default.
         */
        public Builder keyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
            return this;
        }

        /** Objects of at least this many bytes go up in parts: 5 MiB to 1 GiB, 8 MiB by default. */
        public Builder multipartThreshold(long bytes) {
            this.multipartThreshold = bytes;
            return this;
        }

        /**
         * Bytes per part: 5 MiB to 1 GiB, 8 MiB by default. For a declared length the store raises it
         * to length / 10,000 if need be; a stream of unknown length can be up to 10,000 parts long.
         */
        public Builder partSize(long bytes) {
            this.partSize = bytes;
            return this;
        }

        /** Server-side encryption for every object written; none (the bucket's default) by default. */
        public Builder serverSideEncryption(S3Encryption encryption) {
            this.encryption = encryption;
            return this;
        }

        /**
         * Path-style URLs ({@code http://host/bucket/key}) rather than virtual-hosted ones, for
         * S3-compatible servers. Applies to the client and the presigner the store builds (a given
         * client keeps its own setting); by default on when the endpoint is overridden (by
         * {@link #endpoint}, {@code AWS_ENDPOINT_URL[_S3]} or the given client's), off for AWS.
         */
        public Builder pathStyleAccess(boolean pathStyleAccess) {
            this.pathStyleAccess = pathStyleAccess;
            return this;
        }

        /** The endpoint of an S3-compatible server, for the client the store builds. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** The region, for the client the store builds; otherwise the SDK's region chain. */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /** The credentials, for the client the store builds; otherwise the SDK's credentials chain. */
        public Builder credentialsProvider(AwsCredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * @throws IllegalStateException naming everything that is missing or out of range
         */
        public S3BlobStore build() {
            List<String> problems = new ArrayList<>();
            if (bucket == null || bucket.isBlank()) {
                problems.add("a bucket: call bucket(\"my-photos\")");
            } else if (bucket.contains("/") || !bucket.equals(bucket.strip())) {
                problems.add("a bucket name without '/' or surrounding spaces (it was \"" + bucket + "\")");
            }
            if (keyPrefix == null) {
                problems.add("a key prefix, or none: keyPrefix(\"\") (it was null)");
            } else if (!keyPrefix.isEmpty()) {
                try {
                    BlobStore.checkKey(keyPrefix + "x");
                } catch (InvalidInputException e) {
                    problems.add("a key prefix that starts no key with '/' and adds no empty, '.' or '..' segment"
                            + " (it was \"" + keyPrefix + "\")");
                }
            }
            if (multipartThreshold < MIN_PART_SIZE || multipartThreshold > MAX_BUFFER_SIZE) {
                problems.add("a multipart threshold from 5 MiB to 1 GiB (it was " + multipartThreshold + " bytes)");
            }
            if (partSize < MIN_PART_SIZE || partSize > MAX_BUFFER_SIZE) {
                problems.add("a part size from 5 MiB to 1 GiB (it was " + partSize + " bytes)");
            }
            if (encryption == null) {
                problems.add("an encryption setting: serverSideEncryption(S3Encryption.none()) or leave the default");
            }
            if (client != null && (endpoint != null || region != null || credentials != null)) {
                problems.add("either a client or endpoint/region/credentials settings, not both:"
                        + " configure the client you give");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("S3BlobStore needs " + String.join("; ", problems));
            }
            S3Client s3 = client != null ? client : defaultClient();
            S3Presigner signer;
            try {
                signer = presigner != null ? presigner : presignerLike(s3);
            } catch (SdkException | IllegalArgumentException e) {
                if (client == null) {
                    s3.close();
                }
                throw new IllegalStateException("S3BlobStore could not make a presigner like its S3 client: "
                        + e.getMessage() + "; give one with presigner(...)", e);
            }
            return new S3BlobStore(this, s3, signer);
        }

        /**
         * A presigner with the client's region, credentials and endpoint. The client does not tell
         * whether it uses path-style URLs, hence {@link #pathStyleAccess} or the endpoint decides.
         */
        private S3Presigner presignerLike(S3Client s3) {
            var config = s3.serviceClientConfiguration();
            S3Presigner.Builder builder = S3Presigner.builder()
                    .region(config.region())
                    .credentialsProvider(config.credentialsProvider())
                    .serviceConfiguration(S3Configuration.builder()
                            .pathStyleAccessEnabled(pathStyle(config.endpointOverride())).build());
            config.endpointOverride().ifPresent(builder::endpointOverride);
            return builder.build();
        }

        private boolean pathStyle(Optional<URI> endpointOverride) {
            return pathStyleAccess != null ? pathStyleAccess : endpointOverride.isPresent();
        }

        /** The endpoint override: ours, else the SDK's settings, so that the presigner gets it too. */
        private Optional<URI> endpointOverride() {
            if (endpoint != null) {
                return Optional.of(endpoint);
            }
            for (String setting : new String[] {System.getProperty("aws.endpointUrlS3"), System.getenv("AWS_ENDPOINT_URL_S3"),
                    System.getProperty("aws.endpointUrl"), System.getenv("AWS_ENDPOINT_URL")}) {
                if (setting != null && !setting.isBlank()) {
                    return Optional.of(URI.create(setting.trim()));
                }
            }
            return Optional.empty();
        }

        private S3Client defaultClient() {
            Optional<URI> endpointOverride = endpointOverride();
            S3ClientBuilder builder = S3Client.builder()
                    .httpClientBuilder(ApacheHttpClient.builder())
                    .forcePathStyle(pathStyle(endpointOverride));
            endpointOverride.ifPresent(builder::endpointOverride);
            if (region != null) {
                builder.region(region);
            }
            if (credentials != null) {
                builder.credentialsProvider(credentials);
            }
            try {
                return builder.build();
            } catch (SdkException e) {
                throw new IllegalStateException("S3BlobStore could not build an S3 client from the SDK defaults: "
                        + e.getMessage() + " (set AWS_REGION, or call region(...) or client(...))", e);
            }
        }
    }
}
