package dev.gallerykit.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What the image file says about itself: pixel size from its header, the rest from EXIF.
 * Every optional field is empty when the file does not carry it.
 *
 * @param orientation  EXIF orientation, 1 to 8; 1 (as stored) when absent
 * @param focalLength  millimetres
 * @param aperture     f-number, e.g. 2.8
 * @param exposureTime seconds, e.g. 0.004 for 1/250 s
 */
public record ImageMetadata(
        Optional<Dimensions> dimensions,
        int orientation,
        Optional<TakenAt> takenAt,
        Optional<String> cameraMake,
        Optional<String> cameraModel,
        Optional<String> lens,
        Optional<Double> focalLength,
        Optional<Double> aperture,
        Optional<Double> exposureTime,
        Optional<Integer> iso,
        Optional<GeoPoint> location) {

    public static final ImageMetadata EMPTY = builder().build();

    public ImageMetadata {
        Objects.requireNonNull(dimensions, "dimensions");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(cameraMake, "cameraMake");
        Objects.requireNonNull(cameraModel, "cameraModel");
        Objects.requireNonNull(lens, "lens");
        Objects.requireNonNull(focalLength, "focalLength");
        Objects.requireNonNull(aperture, "aperture");
        Objects.requireNonNull(exposureTime, "exposureTime");
        Objects.requireNonNull(iso, "iso");
        Objects.requireNonNull(location, "location");
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("orientation must be 1 to 8, was " + orientation);
        }
    }

    /** Orientations 5 to 8 turn the picture by 90 degrees: width and height swap when shown. */
    public boolean rotatesQuarterTurn() {
        return orientation >= 5;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().dimensions(dimensions.orElse(null)).orientation(orientation)
                .takenAt(takenAt.orElse(null)).cameraMake(cameraMake.orElse(null))
                .cameraModel(cameraModel.orElse(null)).lens(lens.orElse(null))
                .focalLength(focalLength.orElse(null)).aperture(aperture.orElse(null))
                .exposureTime(exposureTime.orElse(null)).iso(iso.orElse(null))
                .location(location.orElse(null));
    }

    /** Null arguments mean "absent". */
    public static final class Builder {
        private Dimensions dimensions;
        private int orientation = 1;
        private TakenAt takenAt;
        private String cameraMake;
        private String cameraModel;
        private String lens;
        private Double focalLength;
        private Double aperture;
        private Double exposureTime;
        private Integer iso;
        private GeoPoint location;

        private Builder() {
        }

        public Builder dimensions(Dimensions value) {
            this.dimensions = value;
            return this;
        }

        public Builder orientation(int value) {
            this.orientation = value;
            return this;
        }

        public Builder takenAt(TakenAt value) {
            this.takenAt = value;
            return this;
        }

        public Builder cameraMake(String value) {
            this.cameraMake = value;
            return this;
        }

        public Builder cameraModel(String value) {
            this.cameraModel = value;
            return this;
        }

        public Builder lens(String value) {
            this.lens = value;
            return this;
        }

        public Builder focalLength(Double value) {
            this.focalLength = value;
            return this;
        }

        public Builder aperture(Double value) {
            this.aperture = value;
            return this;
        }

        public Builder exposureTime(Double value) {
            this.exposureTime = value;
            return this;
        }

        public Builder iso(Integer value) {
            this.iso = value;
            return this;
        }

        public Builder location(GeoPoint value) {
            this.location = value;
            return this;
        }

        public ImageMetadata build() {
            return new ImageMetadata(Optional.ofNullable(dimensions), orientation, Optional.ofNullable(takenAt),
                    Optional.ofNullable(cameraMake), Optional.ofNullable(cameraModel), Optional.ofNullable(lens),
                    Optional.ofNullable(focalLength), Optional.ofNullable(aperture),
                    Optional.ofNullable(exposureTime), Optional.ofNullable(iso), Optional.ofNullable(location));
        }
    }
}
