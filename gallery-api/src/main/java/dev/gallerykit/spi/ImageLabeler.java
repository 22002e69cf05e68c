package dev.gallerykit.spi;

import dev.gallerykit.domain.Tag;
import java.util.List;

/**
 * Proposes machine tags for a picture (an auto-tagging service, a local model, ...).
 *
 * <p>Guarantees, checked by {@code ImageLabelerContract}: returns {@link dev.gallerykit.domain.TagSource#MACHINE}
 * tags with a confidence, each value once, never null. The gallery calls it after the renditions are
 * made and treats a failure as "no labels": labelling never fails an upload.
 */
public interface ImageLabeler {

    /**
     * @param jpeg a JPEG rendition of the photo, EXIF orientation already applied
     */
    List<Tag> label(byte[] jpeg);

    /** A labeler that proposes nothing. */
    static ImageLabeler none() {
        return jpeg -> List.of();
    }
}
