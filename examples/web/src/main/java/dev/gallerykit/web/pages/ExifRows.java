package dev.gallerykit.web.pages;

import dev.gallerykit.PublicPhoto;
import dev.gallerykit.domain.ImageMetadata;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.TakenAt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The rows of a photo page's EXIF table, in words; fields the file did not carry are left out. */
final class ExifRows {

    private ExifRows() {
    }

    static List<Row> of(Photo photo) {
        ImageMetadata m = photo.metadata();
        List<Row> rows = new ArrayList<>();
        m.takenAt().ifPresent(t -> rows.add(new Row("Taken", taken(t))));
        add(rows, "Camera", m.cameraMake().map(make -> make + m.cameraModel().map(model -> " " + model).orElse(""))
                .or(m::cameraModel));
        add(rows, "Lens", m.lens());
        add(rows, "Focal length", m.focalLength().map(f -> format("%.0f mm", f)));
        add(rows, "Aperture", m.aperture().map(a -> format("f/%.1f", a)));
        add(rows, "Exposure", m.exposureTime().map(ExifRows::exposure));
        add(rows, "ISO", m.iso().map(String::valueOf));
        add(rows, "Dimensions", m.dimensions().map(d -> d.width() + " × " + d.height()));
        add(rows, "Location", m.location().map(p -> format("%.5f, %.5f", p.latitude(), p.longitude())
                + p.altitude().map(a -> format(", %.0f m", a)).orElse("")));
        rows.add(new Row("File", photo.originalFileName() + " (" + photo.contentType() + ", " + photo.size() + " bytes)"));
        return rows;
    }

    /**
     * What a share link shows of a photo, in words: when it was taken, the camera, the size, and the place
     * only when the link shows it (the gallery leaves it out of {@code location} otherwise). No file name.
     */
    static List<Row> of(PublicPhoto photo) {
        List<Row> rows = new ArrayList<>();
        photo.takenAt().ifPresent(t -> rows.add(new Row("Taken", taken(t))));
        add(rows, "Camera", photo.camera());
        add(rows, "Dimensions", photo.dimensions().map(d -> d.width() + " × " + d.height()));
        add(rows, "Location", photo.location().map(LocationMap::label));
        return rows;
    }

    private static String taken(TakenAt taken) {
        return taken.local().toString().replace('T', ' ') + taken.offset().map(o -> " " + o).orElse("");
    }

    private static String exposure(double seconds) {
        return seconds < 1 ? "1/" + Math.round(1 / seconds) + " s" : format("%.1f s", seconds);
    }

    private static void add(List<Row> rows, String label, Optional<String> value) {
        value.ifPresent(v -> rows.add(new Row(label, v)));
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    record Row(String label, String value) {
    }
}
