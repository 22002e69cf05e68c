package dev.gallerykit.image;

import dev.gallerykit.domain.ImageMetadata;
import java.util.Objects;

/** What {@link ImagePipeline#analyze} learnt from a file without decoding its pixels. */
public record ImageAnalysis(MediaType type, ImageMetadata metadata) {

    public ImageAnalysis {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(metadata, "metadata");
    }
}
