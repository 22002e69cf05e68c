package dev.gallerykit.memory;

import java.util.Comparator;

/**
 * The order S3 lists keys in: UTF-8 byte order, which is code point order (not
 * {@link String#compareTo}'s UTF-16 order, which differs for characters outside the Basic Multilingual Plane).
 */
final class ListingOrder implements Comparator<String> {

    static final ListingOrder INSTANCE = new ListingOrder();

    private ListingOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
