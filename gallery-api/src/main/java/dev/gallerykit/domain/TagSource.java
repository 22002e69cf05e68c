package dev.gallerykit.domain;

/** Who put a tag on a photo. */
public enum TagSource {
    /** Typed by the owner. */
    USER,
    /** Proposed by an {@code ImageLabeler}, with a confidence. */
    MACHINE
}
