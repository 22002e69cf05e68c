/**
 * Accounts on top of the gallery: sign-up with email confirmation, sign-in with bcrypt and signed
 * tokens, refresh sessions, password reset and account deletion, through {@link dev.gallerykit.auth.Accounts}.
 */
// bcrypt has no module descriptor and no Automatic-Module-Name: its name comes from the jar's file name.
// The mail templates are resources in a package of their own, opened so that a class loader finds them;
// javac cannot see resources, hence "opens".
@SuppressWarnings({"requires-automatic", "opens"})
module dev.gallerykit.auth {
    exports dev.gallerykit.auth;

    requires transitive dev.gallerykit.api;
    requires bcrypt;
    requires com.nimbusds.jose.jwt;
    requires jakarta.mail;
    requires org.slf4j;

    opens dev.gallerykit.auth.mail;
}
