package dev.gallerykit.s3;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * What the SigV4 query of a presigned URL says about its own validity, which is what S3 enforces:
 * signed at {@code X-Amz-Date} (to the second), valid for {@code X-Amz-Expires} seconds.
 */
record SignedUrl(Instant signedAt, Duration validFor) {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    static SignedUrl of(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String parameter : uri.getRawQuery().split("&")) {
            int equals = parameter.indexOf('=');
            query.put(parameter.substring(0, equals), parameter.substring(equals + 1));
        }
        return new SignedUrl(AMZ_DATE.parse(query.get("X-Amz-Date"), Instant::from),
                Duration.ofSeconds(Long.parseLong(query.get("X-Amz-Expires"))));
    }

    Instant expiresAt() {
        return signedAt.plus(validFor);
    }
}
