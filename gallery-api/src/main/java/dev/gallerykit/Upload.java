package dev.gallerykit;

import dev.gallerykit.error.InvalidInputException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A photo to upload. Only {@code content} and {@code fileName} are required; the title defaults to
 * the file name without its extension. The content type a client declares is not asked for: the
 * real type is read from the bytes. A missing content or file name, or a null tag, is rejected
 * here with an {@link InvalidInputException} naming the field, like every other bad input; an
 * absent title or description is taken as not given.
 *
 * <pre>{@code
 * Upload.of(in, "IMG_0001.jpg");
 * Upload.builder().content(in).fileName("beach.png").title("Beach").tags(List.of("summer")).build();
 * }</pre>
 *
 * @param content read to its end, not closed
 */
public record Upload(InputStream content, String fileName, Optional<String> title, String description,
                     List<String> tags) {

    public Upload {
        required("content", content);
        required("fileName", fileName);
        title = title == null ? Optional.empty() : title;
        description = description == null ? "" : description;
        required("tags", tags);
        if (tags.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("tags", "must not contain null");
        }
        tags = List.copyOf(tags);
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw new InvalidInputException(field, "is missing");
        }
    }

    public static Upload of(InputStream content, String fileName) {
        return new Upload(content, fileName, Optional.empty(), "", List.of());
    }

    public static Upload of(Consumer<Builder> spec) {
        Builder builder = builder();
        spec.accept(builder);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private InputStream content;
        private String fileName;
        private String title;
        private String description = "";
        private List<String> tags = List.of();

        private Builder() {
        }

        public Builder content(InputStream value) {
            content = value;
            return this;
        }

        public Builder fileName(String value) {
            fileName = value;
            return this;
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

        public Upload build() {
            return new Upload(content, fileName, Optional.ofNullable(title), description, tags);
        }
    }
}
