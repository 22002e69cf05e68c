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
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
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

    private static final long MIB = 1024 * 1024;
    /** S3's smallest part (but the last). */
    public static final long MIN_PART_SIZE = 5 * MIB;
    /** Largest part or threshold this store accepts: a part is buffered in one array. */
    public static final long MAX_BUFFER_SIZE = 1024 * MIB;
    /** Default {@link Builder#multipartThreshold} and {@link Builder#partSize}. */
    public static final long DEFAULT_PART_SIZE = 8 * MIB;
    private static final long MAX_OBJECT_SIZE = 5L * 1024 * 1024 * MIB;
    private static final long MAX_SINGLE_PUT = 5L * 1024 * MIB;

    private final S3Bucket bucket;
    private final KeyPrefix keys;
    private final S3Presigner presigner;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final ObjectDeleter deleter;
    private final Presigning presigning;
    private final boolean ownsClient;
    private final boolean ownsPresigner;

    private S3BlobStore(Builder builder, S3Client s3, S3Presigner presigner) {
        this.bucket = new S3Bucket(s3, builder.bucket);
        this.keys = new KeyPrefix(builder.keyPrefix);
        this.presigner = presigner;
        this.writer = new ObjectWriter(bucket, keys, builder.encryption, builder.multipartThreshold, builder.partSize);
        this.reader = new ObjectReader(bucket, keys);
        this.deleter = new ObjectDeleter(bucket, keys);
        this.presigning = new Presigning(bucket, presigner, builder.encryption);
        this.ownsClient = builder.client == null;
        this.ownsPresigner = builder.presigner == null;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String bucket() {
        return bucket.name();
    }

    public String keyPrefix() {
        return keys.value();
    }

    /** Creates the bucket unless it exists (and is ours): for tests, demos and first starts. */
    public void createBucketIfMissing() {
        S3Client s3 = bucket.client();
        try {
            s3.headBucket(b -> b.bucket(bucket.name()));
            return;
        } catch (SdkException e) {
            if (!S3Errors.hasStatus(e, 404)) {
                throw S3Errors.translate("HeadBucket " + bucket.name(), e);
            }
        }
        try {
            Region region = s3.serviceClientConfiguration().region();
            s3.createBucket(b -> {
                b.bucket(bucket.name());
                // us-east-1 is the one region that must not be named as a location constraint.
                if (region != null && !Region.US_EAST_1.equals(region) && !region.isGlobalRegion()) {
                    b.createBucketConfiguration(CreateBucketConfiguration.builder()
                            .locationConstraint(region.id()).build());
                }
            });
        } catch (SdkException e) {
            if (!S3Errors.hasCode(e, "BucketAlreadyOwnedByYou")) {
                throw S3Errors.translate("CreateBucket " + bucket.name(), e);
            }
        }
    }

    // ------------------------------------------------------------------ writing

    @Override
    public void put(String key, InputStream content, long length, BlobAttributes attributes) {
        String objectKey = keys.objectKey(key);
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(attributes, "attributes");
        if (length < UNKNOWN_LENGTH) {
            throw new InvalidInputException("length", "must be UNKNOWN_LENGTH or at least 0, was " + length);
        }
        if (length > MAX_OBJECT_SIZE) {
            throw new LimitExceededException("bytes", MAX_OBJECT_SIZE, "S3 stores objects of up to 5 TiB, "
                    + key + " was declared as " + length + " bytes");
        }
        writer.put(objectKey, content, length, attributes);
    }

    // ------------------------------------------------------------------ reading

    @Override
    public Optional<Blob> get(String key) {
        return reader.get(keys.objectKey(key));
    }

    @Override
    public Optional<Blob> get(String key, long offset, long length) {
        String objectKey = keys.objectKey(key);
        if (offset < 0) {
            throw new InvalidInputException("offset", "must not be negative, was " + offset);
        }
        if (length < 0) {
            throw new InvalidInputException("length", "must not be negative, was " + length);
        }
        return reader.get(objectKey, offset, length);
    }

    @Override
    public Optional<BlobInfo> head(String key) {
        return reader.head(keys.objectKey(key));
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
        BlobStore.checkListing(prefix, limit, after);
        return reader.list(prefix, limit, after);
    }

    // ------------------------------------------------------------------ deleting

    @Override
    public void delete(String key) {
        deleter.delete(keys.objectKey(key));
    }

    /** Sends {@code DeleteObjects} requests of up to 1,000 distinct keys each. */
    @Override
    public Map<String, String> deleteAll(Collection<String> keys) {
        Objects.requireNonNull(keys, "keys");
        List<String> objectKeys = new ArrayList<>(keys.size());
        for (String key : keys) {
            objectKeys.add(this.keys.objectKey(key));
        }
        return deleter.deleteAll(objectKeys);
    }

    // ------------------------------------------------------------------ presigning

    @Override
    public PresignedRequest presignGet(String key, Duration ttl, Optional<String> contentDisposition) {
        String objectKey = keys.objectKey(key);
        Objects.requireNonNull(contentDisposition, "contentDisposition");
        return presigning.get(objectKey, ttl, contentDisposition);
    }

    /** The returned headers (the content type and length, and the encryption header if any) are signed: send them as given. */
    @Override
    public PresignedRequest presignPut(String key, String contentType, long length, Duration ttl) {
        String objectKey = keys.objectKey(key);
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
        return presigning.put(objectKey, contentType, length, ttl);
    }

    /** Closes the SDK client and presigner if this store built them; those given to the builder stay open. */
    @Override
    public void close() {
        if (ownsPresigner) {
            presigner.close();
        }
        if (ownsClient) {
            bucket.client().close();
        }
    }

    @Override
    public String toString() {
        return "S3BlobStore[s3://" + bucket.name() + "/" + keys.value() + "]";
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
            S3Clients clients = new S3Clients(endpoint, region, credentials, pathStyleAccess);
            S3Client s3 = client != null ? client : clients.client();
            S3Presigner signer;
            try {
                signer = presigner != null ? presigner : clients.presignerLike(s3);
            } catch (SdkException | IllegalArgumentException e) {
                if (client == null) {
                    s3.close();
                }
                throw new IllegalStateException("S3BlobStore could not make a presigner like its S3 client: "
                        + e.getMessage() + "; give one with presigner(...)", e);
            }
            return new S3BlobStore(this, s3, signer);
        }
    }
}
