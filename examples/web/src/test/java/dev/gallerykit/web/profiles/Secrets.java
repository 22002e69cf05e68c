package dev.gallerykit.web.profiles;

import java.security.SecureRandom;
import java.util.Base64;

/** Secrets as a user would make them ({@code openssl rand -base64 32}). */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String random() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
