package dev.gallerykit.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * What "case-insensitive substring" means in a search, defined once for every store: a text matches
 * a needle when the needle's {@linkplain #fold folded form} occurs in the text's folded form, code
 * point for code point. Stores do not fold with their own {@code LOWER()} or collation, whose rules
 * differ between databases (final sigma, dotted capital I, locale tables): they keep the folded form
 * this class computes next to the text and compare it exactly.
 *
 * <p>The fold is Unicode NFKC, then upper case, then lower case (both in {@link Locale#ROOT}), then
 * NFKC again, with every sigma written {@code σ} and capital {@code İ} folded to {@code i}. So
 * {@code "ΣΟΦΟΣ"}, {@code "σοφος"} and {@code "σοφοσ"} are one word; {@code "STRASSE"} finds
 * {@code "Straße"}; {@code "ﬁ"} (a ligature) and fullwidth {@code "ＡＢＣ"} find {@code "fi"} and
 * {@code "abc"}; {@code "e\u0301"} (e and a combining accent) finds {@code "é"}; dotless
 * {@code "ı"}, {@code "I"} and {@code "İ"} all find {@code "i"}. Accents are kept: {@code "e"} does
 * not find {@code "é"}. The fold of a text can be longer than the text (at most 54 times; NFKC
 * expands a few characters to many).
 */
public final class TextMatch {

    private TextMatch() {
    }

    /** The form in which {@code text} is compared: NFKC, upper-cased, lower-cased (root locale). */
    public static String fold(String text) {
        Objects.requireNonNull(text, "text");
        if (isPlainAscii(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        // Upper then lower case folds what lower case alone keeps apart (final and medial sigma,
        // sharp s and "ss"). Case mappings can leave decomposed sequences (Greek iota with
        // dialytika and tonos upper-cases to three characters), which the last NFKC composes again.
        String folded = compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        // Lower-casing writes a final sigma at the end of a word, which would make the fold of a
        // needle depend on where it is cut; capital I with a dot lower-cases to i and a combining dot.
        return Normalizer.normalize(folded, Normalizer.Form.NFKC).replace('\u03C2', '\u03C3').replace("i\u0307", "i");
    }

    /** Whether {@code needle} occurs in {@code text}, both {@linkplain #fold folded}. */
    public static boolean contains(String text, String needle) {
        return fold(text).contains(fold(needle));
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
