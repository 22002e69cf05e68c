package dev.gallerykit.spring;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@code gallerykit.*} properties do not describe a gallery that can be built: each
 * {@link Problem} names the property and says what it needs. Thrown while the application context
 * starts; the starter's failure analyzer turns it into a start-up report.
 */
public class GalleryKitConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * One property that is missing or wrong.
     *
     * @param property the property, such as {@code gallerykit.tokens.hmac-secret}
     * @param reason what it needs, such as "is required when gallery-auth is on the class path"
     */
    public record Problem(String property, String reason) {

        public Problem {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return property + " " + reason;
        }
    }

    private final transient List<Problem> problems;

    public GalleryKitConfigurationException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public GalleryKitConfigurationException(String property, String reason) {
        this(List.of(new Problem(property, reason)));
    }

    public GalleryKitConfigurationException(String property, String reason, Throwable cause) {
        super(new Problem(property, reason).toString(), cause);
        this.problems = List.of(new Problem(property, reason));
    }

    /** What is missing or wrong, never empty. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration exception needs at least one problem");
        }
        return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }
}
