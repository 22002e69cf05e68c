package dev.gallerykit.domain;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A photo search within one owner's photos. Every criterion is optional; those given must all hold.
 *
 * @param text       occurs in the title or the description, ignoring case as {@link TextMatch} defines
 * @param tags       the photo carries every one of these (normalised like {@link Tag})
 * @param takenFrom  taken at or after this local time
 * @param takenTo    taken before this local time
 * @param box        taken inside this box
 * @param albumId    only in this album
 */
public record PhotoQuery(
        Optional<String> text,
        Set<String> tags,
        Optional<LocalDateTime> takenFrom,
        Optional<LocalDateTime> takenTo,
        Optional<GeoBox> box,
        Optional<AlbumId> albumId) {

    public PhotoQuery {
        Objects.requireNonNull(text, "text");
        tags = Set.copyOf(tags.stream().map(Tag::normalize).toList());
        Objects.requireNonNull(takenFrom, "takenFrom");
        Objects.requireNonNull(takenTo, "takenTo");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(albumId, "albumId");
    }

    public static PhotoQuery of(Consumer<Builder> spec) {
        Builder builder = builder();
        spec.accept(builder);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether {@code photo} matches; the in-memory adapter's definition, which every store must follow. */
    public boolean matches(Photo photo) {
        if (text.isPresent()) {
            String needle = TextMatch.fold(text.get());
            if (!TextMatch.fold(photo.title()).contains(needle) && !TextMatch.fold(photo.description()).contains(needle)) {
                return false;
            }
        }
        if (!tags.isEmpty()) {
            Set<String> values = Set.copyOf(photo.tags().stream().map(Tag::value).toList());
            if (!values.containsAll(tags)) {
                return false;
            }
        }
        if (takenFrom.isPresent() || takenTo.isPresent()) {
            Optional<LocalDateTime> taken = photo.takenAt().map(TakenAt::local);
            if (taken.isEmpty()) {
                return false;
            }
            if (takenFrom.isPresent() && taken.get().isBefore(takenFrom.get())) {
                return false;
            }
            if (takenTo.isPresent() && !taken.get().isBefore(takenTo.get())) {
                return false;
            }
        }
        if (box.isPresent() && (photo.location().isEmpty() || !box.get().contains(photo.location().get()))) {
            return false;
        }
        return albumId.isEmpty() || albumId.get().equals(photo.albumId());
    }

    public static final class Builder {
        private String text;
        private List<String> tags = List.of();
        private LocalDateTime takenFrom;
        private LocalDateTime takenTo;
        private GeoBox box;
        private AlbumId albumId;

        private Builder() {
        }

        public Builder text(String value) {
            text = value;
            return this;
        }

        public Builder tags(String... values) {
            tags = List.of(values);
            return this;
        }

        public Builder tags(List<String> values) {
            tags = List.copyOf(values);
            return this;
        }

        public Builder takenFrom(LocalDateTime value) {
            takenFrom = value;
            return this;
        }

        public Builder takenTo(LocalDateTime value) {
            takenTo = value;
            return this;
        }

        public Builder takenBetween(LocalDateTime from, LocalDateTime to) {
            return takenFrom(from).takenTo(to);
        }

        public Builder box(GeoBox value) {
            box = value;
            return this;
        }

        public Builder album(AlbumId value) {
            albumId = value;
            return this;
        }

        public PhotoQuery build() {
            return new PhotoQuery(Optional.ofNullable(text), Set.copyOf(tags), Optional.ofNullable(takenFrom),
                    Optional.ofNullable(takenTo), Optional.ofNullable(box), Optional.ofNullable(albumId));
        }
    }
}
