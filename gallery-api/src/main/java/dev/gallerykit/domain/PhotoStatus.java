package dev.gallerykit.domain;

/** Where a photo stands in processing; see {@link Processing}. */
public enum PhotoStatus {
    /** The original is stored; its renditions, metadata details and machine tags are being made. */
    PROCESSING,
    /** Processed: whatever renditions the engine could make are there. */
    READY,
    /** Processing gave up; the original is kept and {@link Processing#reason()} says why. */
    FAILED
}
