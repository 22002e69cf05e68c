package dev.gallerykit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Changes to a photo's text; absent fields stay as they are.
 *
 * <pre>{@code
 * PhotoUpdate.of(u -> u.title("Sunset").tags(List.of("beach", "evening")));
 * }</pre>
 *
 * @param tags replaces the user tags (machine tags are kept)
 */
public record PhotoUpdate(Optional<String> title, Optional<String> description, Optional<List<String>> tags) {

    public PhotoUpdate {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        tags = tags.map(List::copyOf);
    }

    public static PhotoUpdate of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        spec.accept(builder);
        return builder.build();
    }

    public boolean isEmpty() {
        return title.isEmpty() && description.isEmpty() && tags.isEmpty();
    }

    public static final class Builder {
        private String title;
        private String description;
        private List<String> tags;

        private Builder() {
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder tags(List<String> value) {
            tags = value;
            return this;
        }

        public PhotoUpdate build() {
            return new PhotoUpdate(Optional.ofNullable(title), Optional.ofNullable(description),
                    Optional.ofNullable(tags));
        }
    }
}
