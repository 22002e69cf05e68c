package dev.gallerykit.memory;

import dev.gallerykit.error.AuthenticationFailedException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.spi.Slice;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link BlobStore} in memory, for tests and demos. Thread-safe.
 *
 * <p>Presigned requests are {@code memory://blobs/<key>?...} URIs signed with HMAC-SHA256 under a
 * random key of this instance. Nothing serves them over HTTP: {@link #openPresigned} and
 * {@link #putPresigned} do what a server would, so tests can use them.
 */
public final class InMemoryBlobStore implements BlobStore {

    private static final String SCHEME = "memory";
    private static final String HOST = "blobs";

    private final Clock clock;
    private final byte[] signingKey = new byte[32];
    private final NavigableMap<String, StoredBlob> blobs = new ConcurrentSkipListMap<>(ListingOrder.INSTANCE);

    public InMemoryBlobStore() {
        this(Clock.systemUTC());
    }

    /** @param clock sets {@link BlobInfo#lastModified()} and decides when presigned requests expire */
    public InMemoryBlobStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        new SecureRandom().nextBytes(signingKey);
    }

    @Override
    public void put(String key, InputStream content, long length, BlobAttributes attributes) {
        BlobStore.checkKey(key);
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(attributes, "attributes");
        if (length < UNKNOWN_LENGTH || length > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("length", "must be UNKNOWN_LENGTH or 0 to " + (Integer.MAX_VALUE - 8)
                    + " in memory, was " + length);
        }
        byte[] bytes;
        try {
            bytes = length == UNKNOWN_LENGTH ? content.readAllBytes() : readExactly(content, (int) length);
        } catch (IOException e) {
            throw new StorageUnavailableException("reading the upload failed", e);
        }
        blobs.put(key, new StoredBlob(bytes, attributes, clock.instant()));
    }

    private static byte[] readExactly(InputStream content, int length) throws IOException {
        byte[] bytes = content.readNBytes(length);
        if (bytes.length < length) {
            throw new InvalidInputException("length", "was declared as " + length + " bytes but the stream ended after "
                    + bytes.length);
        }
        if (content.read() != -1) {
            throw new InvalidInputException("length", "was declared as " + length + " bytes but the stream has more");
        }
        return bytes;
    }

    @Override
    public Optional<Blob> get(String key) {
        return get(key, 0, Long.MAX_VALUE);
    }

    @Override
    public Optional<Blob> get(String key, long offset, long length) {
        BlobStore.checkKey(key);
        if (offset < 0) {
            throw new InvalidInputException("offset", "must not be negative, was " + offset);
        }
        if (length < 0) {
            throw new InvalidInputException("length", "must not be negative, was " + length);
        }
        StoredBlob blob = blobs.get(key);
        if (blob == null) {
            return Optional.empty();
        }
        int start = (int) Math.min(offset, blob.bytes.length);
        int count = (int) Math.min(length, blob.bytes.length - start);
        return Optional.of(new Blob(blob.info(key), new ByteArrayInputStream(blob.bytes, start, count)));
    }

    @Override
    public Optional<BlobInfo> head(String key) {
        BlobStore.checkKey(key);
        return Optional.ofNullable(blobs.get(key)).map(blob -> blob.info(key));
    }

    @Override
    public void delete(String key) {
        blobs.remove(BlobStore.checkKey(key));
    }

    /** Nothing can fail in memory, so the answer is always empty. */
    @Override
    public Map<String, String> deleteAll(Collection<String> keys) {
        List<String> checked = new ArrayList<>(keys.size());
        for (String key : keys) {
            checked.add(BlobStore.checkKey(key));
        }
        checked.forEach(blobs::remove);
        return Map.of();
    }

    @Override
    public Slice<BlobInfo> list(String prefix, int limit, Optional<String> after) {
        BlobStore.checkListing(prefix, limit, after);
        boolean afterPrefix = after.isPresent() && ListingOrder.INSTANCE.compare(after.get(), prefix) >= 0;
        NavigableMap<String, StoredBlob> rest = afterPrefix
                ? blobs.tailMap(after.get(), false)
                : blobs.tailMap(prefix, true);
        List<BlobInfo> items = new ArrayList<>(limit);
        for (var entry : rest.entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            if (items.size() == limit) {
                return new Slice<>(items, Optional.of(items.get(limit - 1).key()));
            }
            items.add(entry.getValue().info(entry.getKey()));
        }
        return Slice.last(items);
    }

    @Override
    public PresignedRequest presignGet(String key, Duration ttl, Optional<String> contentDisposition) {
        BlobStore.checkKey(key);
        Objects.requireNonNull(contentDisposition, "contentDisposition");
        Instant expiresAt = expiry(ttl);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("method", "GET");
        query.put("expires", Long.toString(expiresAt.getEpochSecond()));
        contentDisposition.ifPresent(disposition -> query.put("disposition", disposition));
        return new PresignedRequest("GET", sign(key, query), Map.of(), expiresAt);
    }

    @Override
    public PresignedRequest presignPut(String key, String contentType, long length, Duration ttl) {
        BlobStore.checkKey(key);
        if (contentType == null || contentType.isBlank()) {
            throw new InvalidInputException("contentType", "must not be blank");
        }
        if (length < 0) {
            throw new InvalidInputException("length", "must not be negative, was " + length);
        }
        Instant expiresAt = expiry(ttl);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("method", "PUT");
        query.put("expires", Long.toString(expiresAt.getEpochSecond()));
        query.put("type", contentType);
        query.put("length", Long.toString(length));
        return new PresignedRequest("PUT", sign(key, query),
                Map.of("Content-Type", contentType, "Content-Length", Long.toString(length)), expiresAt);
    }

    /**
     * Does what a server would do with a presigned GET.
     *
     * @throws AuthenticationFailedException when the signature does not match or the request expired
     * @throws NotFoundException when there is no object under the key
     */
    public Blob openPresigned(URI uri) {
        Verified request = verify(uri, "GET");
        return get(request.key).orElseThrow(() -> new NotFoundException("blob", request.key));
    }

    /**
     * Does what a server would do with a presigned PUT: checks the signature, the expiry, and that
     * the content type and length are the signed ones, then stores {@code body}.
     *
     * @throws AuthenticationFailedException when any of them does not match
     */
    public void putPresigned(URI uri, String contentType, byte[] body) {
        Verified request = verify(uri, "PUT");
        if (!request.query.get("type").equals(contentType)) {
            throw new AuthenticationFailedException("presigned PUT refused: the content type is not the signed one");
        }
        if (!request.query.get("length").equals(Integer.toString(body.length))) {
            throw new AuthenticationFailedException("presigned PUT refused: the length is not the signed one");
        }
        put(request.key, new ByteArrayInputStream(body), body.length, BlobAttributes.of(contentType));
    }

    /** The stored keys in list order, for assertions. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(blobs.keySet()));
    }

    public int size() {
        return blobs.size();
    }

    private Instant expiry(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new InvalidInputException("ttl", "must be positive, was " + ttl);
        }
        return Instant.ofEpochSecond(clock.instant().plus(ttl).getEpochSecond());
    }

    private URI sign(String key, Map<String, String> query) {
        StringBuilder uri = new StringBuilder(SCHEME + "://" + HOST + "/").append(encode(key)).append('?');
        query.forEach((name, value) -> uri.append(name).append('=').append(encode(value)).append('&'));
        uri.append("signature=").append(signature(key, query));
        return URI.create(uri.toString());
    }

    private Verified verify(URI uri, String method) {
        Objects.requireNonNull(uri, "uri");
        String path = uri.getRawPath();
        if (!SCHEME.equals(uri.getScheme()) || !HOST.equals(uri.getRawAuthority()) || path == null
                || path.length() < 2 || uri.getRawQuery() == null) {
            throw new AuthenticationFailedException("presigned request refused: not a signature of this store");
        }
        String key = decode(path.substring(1));
        Map<String, String> query = new LinkedHashMap<>();
        for (String parameter : uri.getRawQuery().split("&")) {
            int equals = parameter.indexOf('=');
            if (equals < 0 || query.putIfAbsent(decode(parameter.substring(0, equals)),
                    decode(parameter.substring(equals + 1))) != null) {
                throw new AuthenticationFailedException("presigned request refused: malformed signature parameters");
            }
        }
        String given = query.remove("signature");
        if (given == null || !method.equals(query.get("method"))
                || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                        signature(key, query).getBytes(StandardCharsets.UTF_8))) {
            throw new AuthenticationFailedException("presigned request refused: the signature does not match");
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(query.get("expires")));
        if (!clock.instant().isBefore(expiresAt)) {
            throw new AuthenticationFailedException("presigned request refused: expired at " + expiresAt);
        }
        return new Verified(key, query);
    }

    private String signature(String key, Map<String, String> query) {
        // Encoded, so that no value can pass for a separator.
        StringBuilder signed = new StringBuilder(encode(key));
        query.forEach((name, value) -> signed.append('\n').append(encode(name)).append('=').append(encode(value)));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailedException("presigned request refused: malformed signature parameters");
        }
    }

    private record Verified(String key, Map<String, String> query) {
    }

    private record StoredBlob(byte[] bytes, BlobAttributes attributes, Instant lastModified) {

        BlobInfo info(String key) {
            return new BlobInfo(key, bytes.length, attributes.contentType(), lastModified);
        }
    }
}
