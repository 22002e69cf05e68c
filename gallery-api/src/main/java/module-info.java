/**
 * GalleryKit's core: the domain, the use cases behind {@link dev.gallerykit.Gallery}, the ports
 * adapters implement, the image pipeline and the in-memory adapters. Everything under
 * {@code dev.gallerykit.internal} is implementation and not exported.
 */
// metadata-extractor has no module descriptor and no Automatic-Module-Name: its name comes from the
// jar's file name, which Maven always gives as metadata-extractor-<version>.jar.
@SuppressWarnings("requires-automatic")
module dev.gallerykit.api {
    exports dev.gallerykit;
    exports dev.gallerykit.domain;
    exports dev.gallerykit.error;
    exports dev.gallerykit.image;
    exports dev.gallerykit.labeling;
    exports dev.gallerykit.memory;
    exports dev.gallerykit.spi;

    requires com.fasterxml.uuid;
    requires java.desktop;
    requires metadata.extractor;
    requires org.slf4j;
}
