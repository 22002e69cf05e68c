package dev.gallerykit.testkit.contract;

import java.util.List;

/**
 * Texts and searches on which every store must agree with {@link dev.gallerykit.domain.TextMatch}:
 * Greek sigmas, sharp s, Turkish dotted and dotless i, composed and decomposed accents, ligatures,
 * fullwidth forms, digraphs, characters outside the Basic Multilingual Plane, compatibility signs
 * and Cyrillic. What each search finds is written out here, by hand, so that a store and the fold
 * cannot agree on a wrong answer.
 */
final class UnicodeSearchSet {

    /** The texts, stored as names, titles or descriptions; a search names them by index. */
    static final List<String> TEXTS = List.of(
            "ΣΟΦΟΣ ΛΟΓΟΣ",
            "σοφος λογος",
            "Straße",
            "İSTANBUL",
            "ıspanak",
            "café",
            "cafe\u0301",
            "\uFB01nal \uFB02ight",
            "ＦＵＬＬＷＩＤＴＨ",
            "NAÏVE",
            "\u01C4emal",
            "😀 party 🎉",
            "Ångström",
            "Kelvin \u212A",
            "МОСКВА");

    /** A search and the indexes in {@link #TEXTS} of what it finds. */
    record Search(String text, List<Integer> finds) {

        @Override
        public String toString() {
            return "\"" + text + "\"";
        }
    }

    static final List<Search> SEARCHES = List.of(
            new Search("σοφοσ", List.of(0, 1)),
            new Search("ΟΣ Λ", List.of(0, 1)),
            new Search("ς", List.of(0, 1)),
            new Search("STRASSE", List.of(2)),
            new Search("ß", List.of(2)),
            new Search("istanbul", List.of(3)),
            new Search("İstanbul", List.of(3)),
            new Search("ISPANAK", List.of(4)),
            new Search("café", List.of(5, 6)),
            new Search("cafe\u0301", List.of(5, 6)),
            new Search("cafe", List.of()),
            new Search("final flight", List.of(7)),
            new Search("ＷＩＤ", List.of(8)),
            new Search("naïve", List.of(9)),
            new Search("džemal", List.of(10)),
            new Search("\u01C5", List.of(10)),
            new Search("🎉", List.of(11)),
            new Search("😀 P", List.of(11)),
            new Search("ångström", List.of(12)),
            new Search("\u212Bngström", List.of(12)),
            new Search("kelvin k", List.of(13)),
            new Search("москва", List.of(14)));

    private UnicodeSearchSet() {
    }
}
