package dev.gallerykit.web.pages;

import dev.gallerykit.domain.GeoBox;
import dev.gallerykit.domain.GeoPoint;
import dev.gallerykit.domain.Photo;
import java.util.List;
import java.util.Locale;

/**
 * A small map of where a photo was taken, drawn as SVG by the page itself, without tiles from the
 * internet: a panel a few kilometres across (equirectangular, north up, its width corrected for the
 * latitude) with a grid, the photo in the middle and the album's other photos in the panel as dots,
 * and a world locator in the corner. Coordinates are in the panel's pixels.
 *
 * @param label    the coordinates in words, with the altitude when known
 * @param worldX   the photo on the world locator
 * @param worldY   the photo on the world locator
 * @param nearby   the other photos inside the panel
 * @param area     the panel's box, for "photos near here"
 * @param osmUrl   the place on OpenStreetMap, for a real map one click away
 */
record LocationMap(String label, double worldX, double worldY, List<Dot> nearby, GeoBox area, String osmUrl) {

    /** The panel in pixels; photo.html draws the same size. */
    static final int WIDTH = 360;
    static final int HEIGHT = 240;
    static final int WORLD_WIDTH = 72;
    static final int WORLD_HEIGHT = 36;
    /** Half the panel's height in degrees of latitude: about 2.2 km, so the panel is about 4.5 km high and 6.7 km wide. */
    static final double HALF_HEIGHT_DEGREES = 0.02;
    /** The panel's width in kilometres, the same at every latitude. */
    static final double WIDTH_KM = 2 * HALF_HEIGHT_DEGREES * WIDTH / HEIGHT * 111.32;

    /** The box the panel shows around {@code point}, cut at the poles and the antimeridian. */
    static GeoBox area(GeoPoint point) {
        double halfWidth = halfWidthDegrees(point);
        return new GeoBox(Math.max(-90, point.latitude() - HALF_HEIGHT_DEGREES),
                Math.max(-180, point.longitude() - halfWidth),
                Math.min(90, point.latitude() + HALF_HEIGHT_DEGREES),
                Math.min(180, point.longitude() + halfWidth));
    }

    /** The map of {@code photo}'s place, with those of {@code others} that were taken inside the panel. */
    static LocationMap of(Photo photo, GeoPoint point, List<Photo> others) {
        double halfWidth = halfWidthDegrees(point);
        List<Dot> nearby = others.stream()
                .filter(other -> !other.id().equals(photo.id()))
                .flatMap(other -> other.location().stream().map(at -> new Dot(other.id().toString(),
                        other.title().isEmpty() ? other.originalFileName() : other.title(),
                        WIDTH / 2.0 + (at.longitude() - point.longitude()) / halfWidth * WIDTH / 2.0,
                        HEIGHT / 2.0 - (at.latitude() - point.latitude()) / HALF_HEIGHT_DEGREES * HEIGHT / 2.0)))
                .filter(dot -> dot.x() >= 0 && dot.x() <= WIDTH && dot.y() >= 0 && dot.y() <= HEIGHT)
                .toList();
        String label = label(point);
        String osm = String.format(Locale.ROOT, "https://www.openstreetmap.org/?mlat=%.5f&mlon=%.5f#map=15/%.5f/%.5f",
                point.latitude(), point.longitude(), point.latitude(), point.longitude());
        return new LocationMap(label, (point.longitude() + 180) / 360 * WORLD_WIDTH, (90 - point.latitude()) / 180 * WORLD_HEIGHT,
                nearby, area(point), osm);
    }

    /** The coordinates in words, with the altitude when known: "48.85840° N, 2.29450° E, 35 m". */
    static String label(GeoPoint point) {
        return String.format(Locale.ROOT, "%.5f° %s, %.5f° %s", Math.abs(point.latitude()),
                point.latitude() < 0 ? "S" : "N", Math.abs(point.longitude()), point.longitude() < 0 ? "W" : "E")
                + point.altitude().map(a -> String.format(Locale.ROOT, ", %.0f m", a)).orElse("");
    }

    /** The photo on the panel: always its middle. */
    public double x() {
        return WIDTH / 2.0;
    }

    public double y() {
        return HEIGHT / 2.0;
    }

    /** Rounded for the page: "6.7 km across". */
    public String across() {
        return String.format(Locale.ROOT, "%.1f km across", WIDTH_KM);
    }

    /** Degrees of longitude for half the panel's width: more towards the poles, where they are shorter. */
    private static double halfWidthDegrees(GeoPoint point) {
        double shrink = Math.max(0.05, Math.cos(Math.toRadians(point.latitude())));
        return HALF_HEIGHT_DEGREES * WIDTH / HEIGHT / shrink;
    }

    /** Another photo on the panel; {@code id} links to its page. */
    record Dot(String id, String title, double x, double y) {
    }
}
