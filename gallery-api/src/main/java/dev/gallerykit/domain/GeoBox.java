package dev.gallerykit.domain;

import dev.gallerykit.error.InvalidInputException;

/**
 * A latitude/longitude rectangle for search, edges included. Boxes that cross the antimeridian
 * are not supported: split them in two.
 */
public record GeoBox(double south, double west, double north, double east) {

    public GeoBox {
        check("south", south, 90);
        check("north", north, 90);
        check("west", west, 180);
        check("east", east, 180);
        if (south > north) {
            throw new InvalidInputException("box", "has its south edge (" + south + ") above its north edge (" + north + ")");
        }
        if (west > east) {
            throw new InvalidInputException("box", "has its west edge (" + west + ") east of its east edge (" + east
                    + "); boxes across the antimeridian must be split in two");
        }
    }

    public boolean contains(GeoPoint point) {
        return point.latitude() >= south && point.latitude() <= north
                && point.longitude() >= west && point.longitude() <= east;
    }

    private static void check(String edge, double value, double bound) {
        if (!(value >= -bound && value <= bound)) {
            throw new InvalidInputException("box." + edge, "must be within [-" + (int) bound + ", " + (int) bound + "], was " + value);
        }
    }
}
