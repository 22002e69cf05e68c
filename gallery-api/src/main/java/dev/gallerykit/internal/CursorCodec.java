package dev.gallerykit.internal;

import dev.gallerykit.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wraps a repository's page position into the opaque cursor callers see, and back (and seals
 * direct-upload tokens the same way). The cursor is
 * {@code base64url(position) "." base64url(tag)}, where the tag is an HMAC-SHA256 (cut to 128 bits)
 * over the query's scope and the position: a cursor that was altered, or issued for another query
 * or another user, is refused. Positions are not secret, only tamper-evident.
 */
final class CursorCodec {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int TAG_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    CursorCodec(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the cursor secret must have at least 32 bytes, had " + secret.length);
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    Optional<String> seal(String scope, Optional<String> position) {
        return position.map(p -> ENCODER.encodeToString(p.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(tag(scope, p)));
    }

    Optional<String> open(String scope, Optional<String> cursor) {
        return cursor.map(c -> open("cursor", scope, c));
    }

    /**
     * The text inside {@code sealed}, if it was sealed by this codec for {@code scope}; otherwise an
     * {@code InvalidInputException} naming {@code field}.
     */
    String open(String field, String scope, String sealed) {
        int dot = sealed.indexOf('.');
        if (dot <= 0) {
            throw refused(field);
        }
        String text;
        byte[] presented;
        try {
            text = new String(DECODER.decode(sealed.substring(0, dot)), StandardCharsets.UTF_8);
            presented = DECODER.decode(sealed.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw refused(field);
        }
        if (!MessageDigest.isEqual(presented, tag(scope, text))) {
            throw refused(field);
        }
        return text;
    }

    /**
     * One text for a query's scope that no other list of parts has: each part (a collection as a
     * scope of its own) is written as its length, a colon and itself. Joining with a separator would
     * let tags ["a,b"] and ["a", "b"] share a cursor.
     */
    static String scope(Object... parts) {
        StringBuilder scope = new StringBuilder();
        for (Object part : parts) {
            String text = part instanceof java.util.Collection<?> list ? scope(list.toArray()) : String.valueOf(part);
            scope.append(text.length()).append(':').append(text);
        }
        return scope.toString();
    }

    private byte[] tag(String scope, String position) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(position.getBytes(StandardCharsets.UTF_8)), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static InvalidInputException refused(String field) {
        return new InvalidInputException(field, "cursor".equals(field)
                ? "is not one this gallery issued for this query"
                : "is not one this gallery issued to this user");
    }
}
