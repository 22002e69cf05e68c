package dev.gallerykit.web.pages;

import dev.gallerykit.Gallery;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Presigned URLs of a photo's renditions: the browser loads the bytes straight from the blob store,
 * so images never pass through the app. Links live a quarter of an hour, long enough for a page.
 */
@Component
class PhotoLinks {

    static final Duration TTL = Duration.ofMinutes(15);
    static final String PREVIEW = Derivative.thumbnailName(1280);

    private final Gallery gallery;

    PhotoLinks(Gallery gallery) {
        this.gallery = gallery;
    }

    /** The smallest rendition, for grids; empty when the photo has none (a format without a decoder). */
    Optional<String> thumbnail(UserId user, Photo photo) {
        List<Derivative> thumbnails = photo.thumbnails();
        return thumbnails.isEmpty() ? Optional.empty() : Optional.of(url(user, photo, thumbnails.get(thumbnails.size() - 1)));
    }

    /** The 1280 px rendition, or the largest there is. */
    Optional<String> preview(UserId user, Photo photo) {
        return photo.derivative(PREVIEW).or(() -> photo.thumbnails().stream().findFirst())
                .map(derivative -> url(user, photo, derivative));
    }

    /**
     * The thumbnail of the album's cover photo; empty without a cover, when the cover has no rendition,
     * or when the photo went away between reading the album and reading it (a delete clears the cover).
     */
    Optional<String> cover(UserId user, Album album) {
        return album.cover().flatMap(id -> {
            try {
                return thumbnail(user, gallery.photos().get(user, id));
            } catch (NotFoundException goneMeanwhile) {
                return Optional.empty();
            }
        });
    }

    List<Card> cards(UserId user, List<Photo> photos) {
        return photos.stream().map(photo -> new Card(photo, thumbnail(user, photo).orElse(null))).toList();
    }

    private String url(UserId user, Photo photo, Derivative derivative) {
        return gallery.photos().url(user, photo.id(), derivative.name(), TTL).uri().toString();
    }

    /** An album in the list; {@code coverUrl} is null when there is no cover thumbnail to show. */
    record AlbumCard(Album album, String coverUrl) {
    }

    /** A photo in a grid; {@code thumbnailUrl} is null when there is no rendition to show. */
    record Card(Photo photo, String thumbnailUrl) {

        /** {@code processing}, {@code ready} or {@code failed}: what the grid shows in place of a missing thumbnail. */
        public String status() {
            return photo.status().name().toLowerCase(Locale.ROOT);
        }
    }
}
