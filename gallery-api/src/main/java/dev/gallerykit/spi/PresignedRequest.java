package dev.gallerykit.spi;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A request anybody holding it may make until it expires, without credentials.
 *
 * @param headers headers the client must send exactly as given (for a PUT: the content type and
 *                length bound into the signature)
 */
public record PresignedRequest(String method, URI uri, Map<String, String> headers, Instant expiresAt) {

    public PresignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
