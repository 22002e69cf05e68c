package dev.gallerykit.auth;

import dev.gallerykit.error.InvalidInputException;
import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;

/** Normalises and checks the email addresses and display names that users type. */
final class Inputs {

    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_DISPLAY_NAME_LENGTH = 100;

    private Inputs() {
    }

    /**
     * One spelling per mailbox, so that what is stored is what the case-insensitive uniqueness rule
     * compares anyway: spaces of any kind (no-break and ideographic ones included) trimmed from both
     * ends, NFC, lower case, and the domain through IDNA to its ASCII form ({@code bücher.example} and
     * {@code xn--bcher-kva.example} are one domain). Characters a reader cannot see or tell apart from
     * nothing (control and format characters such as zero-width spaces, soft hyphens and direction
     * marks, unassigned and private-use code points) are refused wherever they are, as are spaces
     * inside the address.
     */
    static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("email", "is missing");
        }
        if (raw.length() > 4 * MAX_EMAIL_LENGTH) {
            throw new InvalidInputException("email", "is longer than " + MAX_EMAIL_LENGTH + " characters");
        }
        String email = Normalizer.normalize(trimSpaces(raw), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        if (at < 1 || at == email.length() - 1 || email.indexOf('@') != at) {
            throw new InvalidInputException("email", "is not an email address (one '@' between a name and a domain)");
        }
        checkCharacters(email);
        String local = email.substring(0, at);
        String domain = asciiDomain(email.substring(at + 1));
        email = local + "@" + domain;
        if (email.length() > MAX_EMAIL_LENGTH) {
            throw new InvalidInputException("email", "is longer than " + MAX_EMAIL_LENGTH + " characters");
        }
        if (local.length() > 64) {
            throw new InvalidInputException("email", "has a part before '@' longer than 64 characters");
        }
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")
                || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw new InvalidInputException("email", "is not an email address");
        }
        return email;
    }

    private static String trimSpaces(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && isSpace(raw.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static void checkCharacters(String email) {
        for (int i = 0; i < email.length(); ) {
            int c = email.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.CONTROL || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                throw new InvalidInputException("email", String.format(Locale.ROOT,
                        "contains an invisible or unassigned character (U+%04X); type the address again", c));
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || "<>()[],;:\\\"".indexOf(c) >= 0) {
                throw new InvalidInputException("email", String.format(Locale.ROOT,
                        "contains a character addresses cannot have ('%s', U+%04X)", Character.toString(c), c));
            }
        }
    }

    /** The domain as DNS knows it: each label through IDNA to ASCII (RFC 3490, as java.net.IDN implements it). */
    private static String asciiDomain(String domain) {
        try {
            return IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("email", "has a domain that is not a valid domain name");
        }
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
        if (name.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            throw new InvalidInputException("displayName", "is not valid Unicode: half of a surrogate pair");
        }
        return name;
    }
}
