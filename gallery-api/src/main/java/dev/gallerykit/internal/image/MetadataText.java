package dev.gallerykit.internal.image;

import java.util.Optional;

/**
 * Text read from a file (a camera's make, model or lens), made fit to store: control and format
 * characters (line breaks, NUL, bidi marks, zero-width spaces), lone surrogates and non-characters
 * are dropped, white space is collapsed and stripped, and the result is cut to {@link #MAX_CHARS}
 * without splitting a character. Done once in the core, so every store keeps the same text, and no
 * column limit of any store is ever reached by what a file says.
 */
final class MetadataText {

    /** The most chars kept of one text from a file. */
    static final int MAX_CHARS = 200;

    private MetadataText() {
    }

    /** The cleaned text, or empty when nothing printable is left. */
    static Optional<String> clean(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(Math.min(raw.length(), MAX_CHARS));
        boolean space = false;
        for (int i = 0; i < raw.length() && text.length() < MAX_CHARS; ) {
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = text.length() > 0;
                continue;
            }
            if (!kept(c)) {
                continue;
            }
            int needed = (space ? 1 : 0) + Character.charCount(c);
            if (text.length() + needed > MAX_CHARS) {
                break;
            }
            if (space) {
                text.append(' ');
                space = false;
            }
            text.appendCodePoint(c);
        }
        return text.length() == 0 ? Optional.empty() : Optional.of(text.toString());
    }

    private static boolean kept(int c) {
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.UNASSIGNED && type != Character.PRIVATE_USE;
    }
}
