package dev.gallerykit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a new share link behaves. The defaults: never expires, no password, renditions only, no location.
 *
 * <pre>{@code
 * LinkSettings settings = LinkSettings.defaults().expiringAt(now.plus(Duration.ofDays(7))).withPassword("tram 28");
 * }</pre>
 *
 * @param expiresAt      when the link stops working; empty for never
 * @param password       what a visitor must give before seeing anything; empty for none. Kept only as a
 *                       slow hash
 * @param allowOriginals whether visitors may download the originals. An original keeps the metadata of
 *                       the camera, so one that records where it was taken is offered only when
 *                       {@code showLocation} is on too
 * @param showLocation   whether visitors see where each photo was taken
 */
public record LinkSettings(Optional<Instant> expiresAt, Optional<String> password, boolean allowOriginals,
                           boolean showLocation) {

    private static final LinkSettings DEFAULTS = new LinkSettings(Optional.empty(), Optional.empty(), false, false);

    public LinkSettings {
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(password, "password");
    }

    public static LinkSettings defaults() {
        return DEFAULTS;
    }

    public LinkSettings expiringAt(Instant at) {
        return new LinkSettings(Optional.of(Objects.requireNonNull(at, "expiresAt")), password, allowOriginals,
                showLocation);
    }

    public LinkSettings withPassword(String value) {
        return new LinkSettings(expiresAt, Optional.of(Objects.requireNonNull(value, "password")), allowOriginals,
                showLocation);
    }

    public LinkSettings allowingOriginals(boolean value) {
        return new LinkSettings(expiresAt, password, value, showLocation);
    }

    public LinkSettings showingLocation(boolean value) {
        return new LinkSettings(expiresAt, password, allowOriginals, value);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "LinkSettings[expiresAt=" + expiresAt + ", password=" + (password.isPresent() ? "(set)" : "(none)")
                + ", allowOriginals=" + allowOriginals + ", showLocation=" + showLocation + "]";
    }
}
