package dev.gallerykit;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Changes to an album's name and description, made in one write; absent fields stay as they are.
 *
 * <pre>{@code
 * AlbumUpdate.of(u -> u.name("Lisbon 2024").description("Five days in May"));
 * }</pre>
 */
public record AlbumUpdate(Optional<String> name, Optional<String> description) {

    public AlbumUpdate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    public static AlbumUpdate of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        spec.accept(builder);
        return builder.build();
    }

    public boolean isEmpty() {
        return name.isEmpty() && description.isEmpty();
    }

    public static final class Builder {
        private String name;
        private String description;

        private Builder() {
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public AlbumUpdate build() {
            return new AlbumUpdate(Optional.ofNullable(name), Optional.ofNullable(description));
        }
    }
}
