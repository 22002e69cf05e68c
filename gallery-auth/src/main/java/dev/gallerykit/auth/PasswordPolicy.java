package dev.gallerykit.auth;

import dev.gallerykit.domain.User;
import dev.gallerykit.error.InvalidInputException;
import java.text.Normalizer;
import java.util.Objects;

/**
 * What a new password must be, after NIST SP 800-63B: long enough (at least
 * {@value #DEFAULT_MIN_LENGTH} characters), not absurdly long ({@value #DEFAULT_MAX_LENGTH}), not the
 * email address (nor its local part), and not in a {@link BreachedPasswords} list. No composition
 * rules (digits, symbols, mixed case): they make passwords worse, not better. Lengths count Unicode
 * code points after NFKC normalisation, so an emoji is one character. Spaces are allowed.
 */
public final class PasswordPolicy {

    public static final int DEFAULT_MIN_LENGTH = 8;
    public static final int DEFAULT_MAX_LENGTH = 256;
    private static final int MAX_MAX_LENGTH = 4096;

    private final int minLength;
    private final int maxLength;
    private final BreachedPasswords breached;

    private PasswordPolicy(int minLength, int maxLength, BreachedPasswords breached) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.breached = breached;
    }

    public static PasswordPolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int minLength() {
        return minLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /**
     * The longest input looked at, in UTF-16 chars, before any normalisation: four per allowed
     * character (room for surrogate pairs, and for sequences NFKC composes into one). Longer input is
     * refused as it is, so that no one can make the server normalise megabytes.
     */
    public int maxInputChars() {
        return maxLength * 4;
    }

    /**
     * Refuses a password for the account with this email.
     *
     * @throws InvalidInputException naming {@code password} and the rule it breaks
     */
    public void check(String password, String email) {
        if (password == null) {
            throw new InvalidInputException("password", "is missing");
        }
        if (password.length() > maxInputChars()) {
            throw new InvalidInputException("password", "must have at most " + maxLength + " characters (it has "
                    + password.length() + " UTF-16 units before normalisation; at most " + maxInputChars() + " are read)");
        }
        String normalised = Normalizer.normalize(password, Normalizer.Form.NFKC);
        int length = normalised.codePointCount(0, normalised.length());
        if (length < minLength) {
            throw new InvalidInputException("password", "must have at least " + minLength + " characters (it has " + length + ")");
        }
        if (length > maxLength) {
            throw new InvalidInputException("password", "must have at most " + maxLength + " characters (it has " + length + ")");
        }
        if (email != null && !email.isBlank()) {
            String key = User.emailKey(email);
            String candidate = normalised.strip().toLowerCase(java.util.Locale.ROOT);
            int at = key.lastIndexOf('@');
            if (candidate.equals(key) || (at > 0 && candidate.equals(key.substring(0, at)))) {
                throw new InvalidInputException("password", "must not be the email address");
            }
        }
        if (breached.contains(password)) {
            throw new InvalidInputException("password", "appears in a list of breached passwords; choose another");
        }
    }

    /** Sets the lengths and the breached-password list; {@link #build()} checks them. */
    public static final class Builder {
        private int minLength = DEFAULT_MIN_LENGTH;
        private int maxLength = DEFAULT_MAX_LENGTH;
        private BreachedPasswords breached = BreachedPasswords.none();

        private Builder() {
        }

        /** At least {@value PasswordPolicy#DEFAULT_MIN_LENGTH}: NIST's floor for chosen passwords. */
        public Builder minLength(int value) {
            minLength = value;
            return this;
        }

        /** At least 64 (NIST), at most 4096. */
        public Builder maxLength(int value) {
            maxLength = value;
            return this;
        }

        public Builder breachedPasswords(BreachedPasswords value) {
            breached = value;
            return this;
        }

        public PasswordPolicy build() {
            if (minLength < DEFAULT_MIN_LENGTH) {
                throw new IllegalStateException("PasswordPolicy needs a minLength of at least " + DEFAULT_MIN_LENGTH + " (it was " + minLength + ")");
            }
            if (maxLength < Math.max(64, minLength) || maxLength > MAX_MAX_LENGTH) {
                throw new IllegalStateException("PasswordPolicy needs a maxLength between " + Math.max(64, minLength)
                        + " and " + MAX_MAX_LENGTH + " (it was " + maxLength + ")");
            }
            return new PasswordPolicy(minLength, maxLength, Objects.requireNonNull(breached,
                    "PasswordPolicy needs a BreachedPasswords: call breachedPasswords(BreachedPasswords.none()) or leave the default"));
        }
    }
}
