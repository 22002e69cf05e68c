package dev.gallerykit.internal;

import dev.gallerykit.domain.Tag;
import dev.gallerykit.error.InvalidInputException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks of caller input. Each failure names the field and says what is wrong with it. */
final class Validation {

    static final int MAX_NAME = 200;
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 5_000;
    static final int MAX_TAGS = 50;
    static final int MAX_TAG_LENGTH = 64;
    static final int MAX_FILE_NAME = 255;
    static final int MAX_SEARCH_TEXT = 200;
    static final Duration MAX_URL_TTL = Duration.ofDays(7);

    private Validation() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "is missing");
        }
        return value;
    }

    /**
     * Refuses text that is not valid UTF-16: a surrogate without its other half cannot be stored
     * alike everywhere (MariaDB writes '?', others keep it) nor encoded as UTF-8.
     */
    static String wellFormed(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, String.format(java.util.Locale.ROOT,
                        "is not valid Unicode: half of a surrogate pair (U+%04X) at position %d", (int) c, i));
            }
        }
        return text;
    }

    /** A one-line text such as an album name or a photo title: stripped, not blank, not too long. */
    static String line(String field, String value, int max) {
        String text = wellFormed(field, required(field, value)).strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        if (text.length() > max) {
            throw new InvalidInputException(field, "is " + text.length() + " characters long; the maximum is " + max);
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "must not contain control characters such as line breaks");
        }
        return text;
    }

    /** At most {@code max} chars of {@code text}, never ending in half of a surrogate pair. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** A free text that may be empty or span lines; null is taken as empty. */
    static String description(String field, String value) {
        String text = value == null ? "" : wellFormed(field, value).strip();
        if (text.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException(field, "is " + text.length() + " characters long; the maximum is " + MAX_DESCRIPTION);
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidInputException(field, "must not contain control characters other than line breaks and tabs");
        }
        return text;
    }

    /** User tags: normalised, duplicates dropped, each checked, at most {@link #MAX_TAGS}. */
    static List<Tag> userTags(List<String> values) {
        required("tags", values);
        Set<String> seen = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null) {
                throw new InvalidInputException("tags", "must not contain null");
            }
            String tag = Tag.normalize(wellFormed("tags", value));
            if (tag.isEmpty()) {
                throw new InvalidInputException("tags", "must not contain a blank tag");
            }
            if (tag.length() > MAX_TAG_LENGTH) {
                throw new InvalidInputException("tags", "contains a tag of " + tag.length()
                        + " characters; the maximum is " + MAX_TAG_LENGTH);
            }
            if (tag.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException("tags", "must not contain control characters");
            }
            seen.add(tag);
        }
        if (seen.size() > MAX_TAGS) {
            throw new InvalidInputException("tags", "has " + seen.size() + " tags; the maximum is " + MAX_TAGS);
        }
        return seen.stream().map(Tag::user).toList();
    }

    /** The last path segment of a client's file name, checked. */
    static String fileName(String value) {
        String name = required("fileName", value).strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new InvalidInputException("fileName", "must name a file");
        }
        return withoutDirectionControls("fileName", line("fileName", name, MAX_FILE_NAME));
    }

    /**
     * Refuses the marks and overrides that reorder text as it is shown: in a file name they make
     * {@code photo<U+202E>gpj.exe} read as {@code photoexe.jpg}. Other format characters (the joiners
     * inside emoji, say) stay allowed.
     */
    private static String withoutDirectionControls(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069')) {
                throw new InvalidInputException(field, String.format(java.util.Locale.ROOT,
                        "must not contain direction controls (U+%04X at position %d), which make it read as another name",
                        (int) c, i));
            }
        }
        return text;
    }

    static int limit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new InvalidInputException("limit", "must be between 1 and " + max + ", was " + limit);
        }
        return limit;
    }

    static Duration ttl(Duration ttl) {
        required("ttl", ttl);
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_URL_TTL) > 0) {
            throw new InvalidInputException("ttl", "must be between 1 second and 7 days, was " + ttl);
        }
        return ttl;
    }
}
