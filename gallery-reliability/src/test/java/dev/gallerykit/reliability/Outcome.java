package dev.gallerykit.reliability;

import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.error.DuplicatePhotoException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What one contender's {@link Call} got, in either JVM: the text it returned, or the class of what it
 * threw (with the photo a {@link DuplicatePhotoException} names, and the whole stack trace for the
 * report). It crosses from the second JVM as one line ({@link #line()}, {@link #parse}); the class is
 * compared by name, since the exception itself stays in the JVM that threw it.
 *
 * @param jvm       which JVM made the call ({@code parent} or {@code second})
 * @param value     what the call returned, when it returned
 * @param failure   the binary name of the class of what it threw, when it threw
 * @param existing  the photo a duplicate failure names
 * @param trace     the failure's stack trace, or empty
 */
record Outcome(String jvm, Optional<String> value, Optional<String> failure, Optional<PhotoId> existing, String trace) {

    Outcome {
        Objects.requireNonNull(jvm, "jvm");
        Objects.requireNonNull(trace, "trace");
        if (value.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("an outcome is a value or a failure");
        }
    }

    static Outcome returned(String jvm, String value) {
        return new Outcome(jvm, Optional.of(value), Optional.empty(), Optional.empty(), "");
    }

    static Outcome threw(String jvm, Throwable failure) {
        StringWriter trace = new StringWriter();
        try (PrintWriter out = new PrintWriter(trace)) {
            failure.printStackTrace(out);
        }
        Optional<PhotoId> existing = failure instanceof DuplicatePhotoException duplicate
                ? Optional.of(duplicate.existing()) : Optional.empty();
        return new Outcome(jvm, Optional.empty(), Optional.of(failure.getClass().getName()), existing, trace.toString());
    }

    /** Whether the call threw {@code type} or a subclass of it. */
    boolean threw(Class<? extends Throwable> type) {
        if (failure.isEmpty()) {
            return false;
        }
        try {
            return type.isAssignableFrom(Class.forName(failure.get(), false, type.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * The outcome without its ids: {@code photo} for a call that returned a photo id, the word
     * another call returned (without the version a tag edit gives after it), or the simple name of what it threw.
     */
    String kind() {
        if (failure.isPresent()) {
            return failure.get().substring(failure.get().lastIndexOf('.') + 1);
        }
        if (value.get().startsWith("tagged-")) {
            return "tagged";
        }
        return value.get().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(,.*)?") ? "photo" : value.get();
    }

    /** {@code ok <value>}, or {@code failed <class> <existing photo or -> <base64 trace>}. */
    String line() {
        if (value.isPresent()) {
            return "ok " + value.get();
        }
        return "failed " + failure.get() + " " + existing.map(id -> id.value().toString()).orElse("-") + " "
                + Base64.getEncoder().encodeToString(trace.getBytes(StandardCharsets.UTF_8));
    }

    static Outcome parse(String jvm, String line) {
        String[] words = line.split(" ");
        if (words.length == 2 && words[0].equals("ok")) {
            return returned(jvm, words[1]);
        }
        if (words.length == 4 && words[0].equals("failed")) {
            Optional<PhotoId> existing = words[2].equals("-") ? Optional.empty()
                    : Optional.of(new PhotoId(UUID.fromString(words[2])));
            return new Outcome(jvm, Optional.empty(), Optional.of(words[1]), existing,
                    new String(Base64.getDecoder().decode(words[3]), StandardCharsets.UTF_8));
        }
        throw new IllegalArgumentException("not an outcome: " + line);
    }

    @Override
    public String toString() {
        return jvm + ": " + value.orElseGet(() -> "threw " + failure.get() + existing.map(id -> " naming " + id).orElse(""));
    }
}
