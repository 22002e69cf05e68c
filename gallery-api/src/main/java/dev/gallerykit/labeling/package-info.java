/**
 * {@link dev.gallerykit.spi.ImageLabeler ImageLabeler}s that run in the JVM and need no service,
 * for hosts that want machine tags without a vision API, for demos and for tests.
 */
package dev.gallerykit.labeling;
