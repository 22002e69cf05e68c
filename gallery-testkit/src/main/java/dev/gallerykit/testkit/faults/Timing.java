package dev.gallerykit.testkit.faults;

/** When an injected fault strikes, relative to the real call. */
public enum Timing {
    /** The call never reaches the real adapter: an outage before the request left. */
    BEFORE,
    /** The real call ran and took effect, then the caller gets the failure: a lost response. */
    AFTER;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
