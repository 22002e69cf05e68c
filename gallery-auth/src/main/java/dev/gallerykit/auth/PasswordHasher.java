package dev.gallerykit.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.concurrent.Semaphore;

/**
 * bcrypt password hashing ({@code $2b$}, cost {@value #DEFAULT_COST} by default, at least
 * {@value #MIN_COST}). Thread-safe; at most {@link #maxConcurrentHashes()} hashes run at once (by
 * default one per core), so that a burst of sign-ins queues instead of starving every other thread.
 *
 * <p><b>Long passwords.</b> bcrypt reads at most 72 bytes. A password is first normalised to Unicode
 * NFKC (so that the same characters typed on different keyboards match) and encoded as UTF-8; when
 * that is longer than {@value #MAX_BCRYPT_BYTES} bytes, bcrypt is given the Base64 of its SHA-256
 * (44 bytes) instead. So every character of a long password counts, and no password is truncated.
 */
public final class PasswordHasher {

    public static final int DEFAULT_COST = 12;
    public static final int MIN_COST = 10;
    /** 2^18 rounds take seconds per hash; more would be an outage, not security. */
    public static final int MAX_COST = 18;
    /** The most bytes bcrypt reads; longer inputs are pre-hashed. */
    public static final int MAX_BCRYPT_BYTES = 72;

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    private final int cost;
    private final int maxConcurrentHashes;
    private final Semaphore permits;
    private final String dummyHash;

    private PasswordHasher(int cost, int maxConcurrentHashes) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be between " + MIN_COST + " and " + MAX_COST + " (it was " + cost + ")");
        }
        if (maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("maxConcurrentHashes must be at least 1 (it was " + maxConcurrentHashes + ")");
        }
        this.cost = cost;
        this.maxConcurrentHashes = maxConcurrentHashes;
        this.permits = new Semaphore(maxConcurrentHashes, true);
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.dummyHash = hash(Base64.getEncoder().encodeToString(random));
    }

    /** Cost {@value #DEFAULT_COST}, one concurrent hash per core. */
    public static PasswordHasher defaults() {
        return withCost(DEFAULT_COST);
    }

    /** The given cost ({@value #MIN_COST} to {@value #MAX_COST}), one concurrent hash per core. */
    public static PasswordHasher withCost(int cost) {
        return new PasswordHasher(cost, Runtime.getRuntime().availableProcessors());
    }

    public static PasswordHasher of(int cost, int maxConcurrentHashes) {
        return new PasswordHasher(cost, maxConcurrentHashes);
    }

    public int cost() {
        return cost;
    }

    public int maxConcurrentHashes() {
        return maxConcurrentHashes;
    }

    /** A new salted hash in the modular crypt format, {@code $2b$12$...}. */
    public String hash(String password) {
        byte[] input = bcryptInput(password);
        permits.acquireUninterruptibly();
        try {
            return new String(BCrypt.with(VERSION).hash(cost, input), StandardCharsets.US_ASCII);
        } finally {
            permits.release();
        }
    }

    /** Whether {@code password} matches {@code storedHash}; a malformed hash matches nothing. */
    public boolean matches(String password, String storedHash) {
        return verify(password, storedHash).matches();
    }

    /** Whether a hash was made with another cost than this hasher's, so it should be made again. */
    public boolean needsRehash(String storedHash) {
        return costOf(storedHash) != cost;
    }

    /**
     * Verifies against the stored hash, or spends the same work on a dummy hash when there is none
     * or it is malformed, so that timing does not reveal whether an account exists.
     */
    Verification verify(String password, String storedHash) {
        byte[] input = bcryptInput(password == null ? "" : password);
        boolean wellFormed = storedHash != null && costOf(storedHash) > 0;
        String against = wellFormed ? storedHash : dummyHash;
        BCrypt.Result result;
        permits.acquireUninterruptibly();
        try {
            result = BCrypt.verifyer().verify(input, against.getBytes(StandardCharsets.US_ASCII));
        } finally {
            permits.release();
        }
        boolean matches = wellFormed && result.validFormat && result.verified;
        return new Verification(matches, matches && result.details.cost != cost);
    }

    /** Spends one verification's work and matches nothing (unknown accounts, locked accounts). */
    void burn() {
        // Nothing of the caller's input is read: a refused input of any length costs one verification.
        verify("", null);
    }

    static byte[] bcryptInput(String password) {
        byte[] bytes = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BCRYPT_BYTES) {
            return bytes;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getEncoder().encode(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    // "$2b$12$" + 53 characters; anything else is not ours to verify.
    private static int costOf(String hash) {
        if (hash == null || hash.length() != 60 || hash.charAt(0) != '$' || hash.charAt(3) != '$' || hash.charAt(6) != '$') {
            return -1;
        }
        try {
            return Integer.parseInt(hash.substring(4, 6));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    record Verification(boolean matches, boolean needsRehash) {
    }
}
