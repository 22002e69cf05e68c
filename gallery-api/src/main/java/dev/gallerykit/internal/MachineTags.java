package dev.gallerykit.internal;

import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TagSource;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.spi.ImageLabeler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How machine tags join a photo's tags, for ingest, workers and tags added later. */
final class MachineTags {

    private static final Logger LOG = LoggerFactory.getLogger(MachineTags.class);

    private MachineTags() {
    }

    /** The user tags with what the labeler proposes for the smallest rendition; a labeler failure adds none. */
    static List<Tag> labelled(ImageLabeler labeler, List<Tag> userTags, List<Rendition> renditions) {
        if (renditions.isEmpty()) {
            return userTags;
        }
        List<Tag> machine;
        try {
            machine = labeler.label(renditions.get(renditions.size() - 1).jpeg());
        } catch (RuntimeException e) {
            LOG.warn("the image labeler failed; the photo is stored without machine tags", e);
            return userTags;
        }
        return merge(userTags, machine == null ? List.of() : machine);
    }

    /** User tags first; a machine tag with the same value as a user tag, or one before it, is dropped. */
    static List<Tag> merge(List<Tag> userTags, List<Tag> machineTags) {
        Set<String> taken = new HashSet<>();
        List<Tag> merged = new ArrayList<>();
        Stream.concat(userTags.stream(), machineTags.stream().filter(t -> t.source() == TagSource.MACHINE))
                .filter(t -> taken.add(t.value()))
                .limit(Validation.MAX_TAGS * 2L)
                .forEach(merged::add);
        return merged;
    }

    static List<Tag> machineTagsOf(List<Tag> tags) {
        return tags.stream().filter(t -> t.source() == TagSource.MACHINE).toList();
    }
}
