package dev.gallerykit.memory;

import dev.gallerykit.domain.Photo;
import dev.gallerykit.error.GalleryException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One crafted input of the hostile-upload corpus: what is tried on the scene, and what the gallery
 * must answer. Most are refused with one of our exceptions whose message names the problem; some
 * crafted files are pictures after all, and are stored as the picture they are.
 *
 * @param name what the input is, as the test report shows it
 */
record HostileCase(String name, Attempt attempt, Outcome outcome) {

    HostileCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** What is done with the input, as Alice, in her album of the scene. */
    @FunctionalInterface
    interface Attempt {
        Photo run(Scene scene);
    }

    /** What the gallery must answer. */
    sealed interface Outcome permits Refused, Stored {
    }

    /**
     * Refused with {@code type}, whose message contains {@code fragment}; nothing written. When
     * {@code stagedObjectStays}, the object the client PUT for a direct upload is left for
     * {@code reconcile}: the refused token is what would have named it.
     */
    record Refused(Class<? extends GalleryException> type, String fragment, boolean stagedObjectStays) implements Outcome {
    }

    /** Stored as one photo of Alice's, which {@code check} looks at. */
    record Stored(Consumer<Photo> check) implements Outcome {
    }

    static HostileCase refused(String name, Attempt attempt, Class<? extends GalleryException> type, String fragment) {
        return new HostileCase(name, attempt, new Refused(type, fragment, false));
    }

    /** Refused like {@link #refused}, leaving only the staged object of a direct upload under the user. */
    static HostileCase refusedKeepingStagedObject(String name, Attempt attempt, Class<? extends GalleryException> type,
                                                  String fragment) {
        return new HostileCase(name, attempt, new Refused(type, fragment, true));
    }

    static HostileCase stored(String name, Attempt attempt, Consumer<Photo> check) {
        return new HostileCase(name, attempt, new Stored(check));
    }
}
