package dev.gallerykit.domain;

import java.util.Objects;
import java.util.Optional;

/** Where a photo was taken (WGS 84 degrees; altitude in metres above sea level). */
public record GeoPoint(double latitude, double longitude, Optional<Double> altitude) {

    public GeoPoint {
        Objects.requireNonNull(altitude, "altitude");
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be within [-90, 90], was " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be within [-180, 180], was " + longitude);
        }
    }

    public static GeoPoint of(double latitude, double longitude) {
        return new GeoPoint(latitude, longitude, Optional.empty());
    }
}
