package dev.gallerykit.auth;

/** What a signed token may be used for: the {@code purpose} claim every token carries. */
enum Purpose {
    ACCESS("access"),
    CONFIRM_EMAIL("confirm-email"),
    RESET_PASSWORD("reset-password");

    private final String claim;

    Purpose(String claim) {
        this.claim = claim;
    }

    String claim() {
        return claim;
    }
}
