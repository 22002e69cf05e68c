package dev.gallerykit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The secrets of share links. A token is 256 random bits, stored only as its SHA-256 (a fast hash is
 * enough for a value that cannot be guessed). A password, which can be, is stored as
 * {@code pbkdf2-sha256$iterations$salt$hash} with PBKDF2-HMAC-SHA256 from the Java runtime, 16 bytes
 * of salt and a 32-byte hash; the iterations are kept with it, so that raising them later leaves older
 * hashes readable.
 */
final class LinkSecrets {

    /** Below this a stored hash is too cheap to be worth its name, and is not accepted. */
    private static final int MIN_ITERATIONS = 1_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int TOKEN_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecureRandom random;
    private final int iterations;

    LinkSecrets(SecureRandom random, int iterations) {
        this.random = random;
        this.iterations = iterations;
    }

    /** A new token: 43 characters of base64url. */
    String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** What the store keeps of a token: its SHA-256 in lower-case hex. */
    static String tokenHash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    String hashPassword(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return SCHEME + "$" + iterations + "$" + ENCODER.encodeToString(salt) + "$"
                + ENCODER.encodeToString(derive(password, salt, iterations));
    }

    /** Whether {@code password} is the one {@code stored} was made from; false for a hash it cannot read. */
    static boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[1]);
            byte[] salt = DECODER.decode(parts[2]);
            byte[] expected = DECODER.decode(parts[3]);
            return rounds >= MIN_ITERATIONS && MessageDigest.isEqual(expected, derive(password, salt, rounds));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, rounds, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
