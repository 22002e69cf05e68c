package dev.gallerykit.auth;

import dev.gallerykit.error.InvalidInputException;
import java.text.Normalizer;
import java.util.Locale;

/** Normalises and checks the email addresses and display names that users type. */
final class Inputs {

    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_DISPLAY_NAME_LENGTH = 100;

    private Inputs() {
    }

    /**
     * Trimmed, NFC, lower case: one spelling per address, so that what is stored is what the
     * case-insensitive uniqueness rule compares anyway.
     */
    static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("email", "is missing");
        }
        String email = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL_LENGTH) {
            throw new InvalidInputException("email", "is longer than " + MAX_EMAIL_LENGTH + " characters");
        }
        int at = email.lastIndexOf('@');
        if (at < 1 || at == email.length() - 1 || email.indexOf('@') != at) {
            throw new InvalidInputException("email", "is not an email address (one '@' between a name and a domain)");
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.length() > 64) {
            throw new InvalidInputException("email", "has a part before '@' longer than 64 characters");
        }
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")
                || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw new InvalidInputException("email", "is not an email address");
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || "<>()[],;:\\\"".indexOf(c) >= 0) {
                throw new InvalidInputException("email", "contains a character addresses cannot have");
            }
        }
        return email;
    }

    static String displayName(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("displayName", "must not be blank");
        }
        String name = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME_LENGTH) {
            throw new InvalidInputException("displayName", "must have at most " + MAX_DISPLAY_NAME_LENGTH + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("displayName", "must not contain control characters");
        }
        return name;
    }
}
