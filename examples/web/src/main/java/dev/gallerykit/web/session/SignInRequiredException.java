package dev.gallerykit.web.session;

/** A page for signed-in users was asked for without a session; answered with a redirect to the sign-in page. */
public final class SignInRequiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SignInRequiredException() {
        super("sign in first", null, false, false);
    }
}
