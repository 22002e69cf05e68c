package dev.gallerykit.auth;

import dev.gallerykit.error.AuthenticationFailedException;

/**
 * A token (access, confirmation, reset or refresh) was refused. {@link #reason()} says why, for logs
 * and for the host's choice of response (an expired access token asks the client to refresh; a bad
 * signature does not).
 */
public class TokenRejectedException extends AuthenticationFailedException {

    /** Why a token was refused. */
    public enum Reason {
        /** Not a compact JWS, unreadable claims, or too long. */
        MALFORMED("is malformed"),
        /** {@code alg: none}: unsigned tokens are never accepted. */
        UNSIGNED("is unsigned (alg none)"),
        /** Signed with another algorithm than the one this service is pinned to. */
        WRONG_ALGORITHM("is signed with an algorithm this service does not accept"),
        /** Its {@code kid} names a key this service does not have. */
        UNKNOWN_KEY("names an unknown key id"),
        /** The signature does not match: tampered with, or signed with another key. */
        BAD_SIGNATURE("has an invalid signature"),
        /** A required claim is absent. */
        MISSING_CLAIM("lacks a required claim"),
        WRONG_ISSUER("has the wrong issuer"),
        WRONG_AUDIENCE("has the wrong audience"),
        /** Past its {@code exp}, beyond the clock-skew allowance. */
        EXPIRED("has expired"),
        /** Its {@code iat} (or {@code nbf}) lies in the future, beyond the clock-skew allowance. */
        NOT_YET_VALID("is issued in the future"),
        /** Made for another purpose (a reset token presented as an access token, ...). */
        WRONG_PURPOSE("was made for another purpose"),
        /** A one-time token whose job is done, or whose account changed since it was issued. */
        ALREADY_USED("was already used"),
        /** The account the token was issued for no longer exists or may not sign in. */
        ACCOUNT_UNAVAILABLE("belongs to an account that is gone or disabled"),
        /** A refresh token this library never issued (or whose account was deleted). */
        UNKNOWN("is unknown"),
        /** A refresh token of a signed-out session. */
        REVOKED("was revoked"),
        /** A refresh token presented again after it was rotated: its whole session is revoked. */
        REUSED("was already rotated; the session is revoked because the token may have leaked");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;

    public TokenRejectedException(Reason reason) {
        this(reason, null);
    }

    public TokenRejectedException(Reason reason, String detail) {
        super("token " + reason.description() + (detail == null ? "" : ": " + detail));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
