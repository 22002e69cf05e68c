package dev.gallerykit.web.api;

import dev.gallerykit.Gallery;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.GeoBox;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.error.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search of the caller's photos by text (title or description), tags (every one given), when they
 * were taken (camera wall-clock time, from inclusive, to exclusive) and a place box; all optional,
 * all that are given must hold. Without any, it lists every photo of the caller, newest first.
 */
@RestController
class SearchApiController {

    private final Gallery gallery;

    SearchApiController(Gallery gallery) {
        this.gallery = gallery;
    }

    @GetMapping("/api/v1/photos")
    PageJson<PhotoJson> search(ApiUser user, @RequestParam Optional<String> text,
                               @RequestParam Optional<List<String>> tag, @RequestParam Optional<String> takenFrom,
                               @RequestParam Optional<String> takenTo, @RequestParam Optional<String> box,
                               @RequestParam Optional<String> albumId, @RequestParam Optional<Integer> limit,
                               @RequestParam Optional<String> cursor) {
        PhotoQuery query = PhotoQuery.of(q -> q
                .text(text.filter(t -> !t.isBlank()).orElse(null))
                .tags(tag.orElse(List.of()).stream().filter(t -> !t.isBlank()).toList())
                .takenFrom(takenFrom.map(value -> time("takenFrom", value)).orElse(null))
                .takenTo(takenTo.map(value -> time("takenTo", value)).orElse(null))
                .box(box.map(SearchApiController::box).orElse(null))
                .album(albumId.map(AlbumId::parse).orElse(null)));
        return PageJson.of(gallery.photos().search(user.id(), query, Requests.page(limit, cursor)), PhotoJson::of);
    }

    /** {@code 2024-07-14T21:30:00}, or a date alone for its midnight. */
    private static LocalDateTime time(String field, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay() : LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2024-07-14 or a local date-time such as "
                    + "2024-07-14T21:30:00");
        }
    }

    /** {@code south,west,north,east} in degrees. */
    private static GeoBox box(String value) {
        String[] edges = value.split(",", -1);
        if (edges.length != 4) {
            throw new InvalidInputException("box", "must be four numbers: south,west,north,east");
        }
        try {
            return new GeoBox(Double.parseDouble(edges[0].strip()), Double.parseDouble(edges[1].strip()),
                    Double.parseDouble(edges[2].strip()), Double.parseDouble(edges[3].strip()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("box", "must be four numbers: south,west,north,east");
        }
    }
}
