package dev.gallerykit.auth;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of {@link Accounts.Builder#build()}: each notes what is missing or out of range, and
 * {@link #throwIfAny()} says all of it at once, so that a host fixes its wiring in one go.
 */
final class BuilderChecks {

    private final List<String> problems = new ArrayList<>();

    void present(Object value, String missing) {
        if (value == null) {
            problems.add(missing);
        }
    }

    void notBlank(String value, String missing) {
        if (value == null || value.isBlank()) {
            problems.add(missing);
        }
    }

    /** The base of the mailed links: an absolute http(s) URL without query or fragment. */
    void linkBase(String links) {
        if (links == null || links.isBlank()) {
            problems.add("the base URL of the mailed links: call links(\"https://...\")");
            return;
        }
        try {
            URI uri = URI.create(links.strip());
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problems.add("an absolute http(s) base URL without query or fragment for links(...) (it was '" + links + "')");
            }
        } catch (IllegalArgumentException e) {
            problems.add("a valid base URL for links(...) (it was '" + links + "')");
        }
    }

    void lifetime(String name, Duration value, Duration max) {
        if (value == null || value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(max) > 0) {
            problems.add("a " + name + " between 1 second and " + max + " (it was " + value + ")");
        }
    }

    /** Notes a problem the other checks do not cover, said as what is needed. */
    void problem(String needed) {
        problems.add(needed);
    }

    /** @throws IllegalStateException naming every problem noted */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Accounts needs " + String.join("; ", problems));
        }
    }
}
