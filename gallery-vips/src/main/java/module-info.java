/**
 * An {@link dev.gallerykit.spi.ImageEngine} on the system libvips: {@link dev.gallerykit.vips.VipsImageEngine}.
 */
// JNA's jar has no module descriptor; it declares the Automatic-Module-Name com.sun.jna.
@SuppressWarnings("requires-automatic")
module dev.gallerykit.vips {
    exports dev.gallerykit.vips;

    requires transitive dev.gallerykit.api;
    requires com.sun.jna;
    requires org.slf4j;
}
