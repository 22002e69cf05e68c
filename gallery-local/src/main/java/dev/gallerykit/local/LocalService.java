package dev.gallerykit.local;

import java.util.Map;

/**
 * A running service: one of the servers this module starts, or, under a JUnit extension, an
 * external one that the environment names instead.
 *
 * <pre>{@code
 * try (LocalS3.Server s3 = LocalS3.start()) {
 *     S3Client client = S3Client.builder().endpointOverride(s3.endpoint().uri().orElseThrow()) ...
 * }
 * }</pre>
 */
public interface LocalService extends AutoCloseable {

    /**
     * What a client needs to reach the service, as named values in a stable order: an endpoint or
     * URL first, then region, user names and secrets. For people (printed by {@link LocalCloud#main});
     * code uses the typed accessors of each service.
     */
    Map<String, String> connectionDetails();

    /**
     * Stops a server that was started and deletes what it stored; does nothing for an external one.
     * Idempotent.
     */
    @Override
    void close();
}
