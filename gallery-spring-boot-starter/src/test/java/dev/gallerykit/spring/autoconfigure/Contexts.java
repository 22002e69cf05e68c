package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.Gallery;
import dev.gallerykit.auth.Accounts;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.User;
import java.util.Base64;
import java.util.UUID;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter's auto-configurations in a runner, and what the tests do with the context. */
final class Contexts {

    /** What gallery-auth needs; every test that does not test these properties sets them. */
    static final String[] ACCOUNT_PROPERTIES = {
            "gallerykit.tokens.issuer=https://photos.example.test",
            "gallerykit.tokens.audience=photos-test",
            "gallerykit.tokens.hmac-secret=" + Base64.getEncoder().encodeToString(
                    "a test secret of thirty-two bytes or more".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
            "gallerykit.links-base-url=https://photos.example.test/account",
            // The lowest cost bcrypt allows, so that sign-ups in tests are quick.
            "gallerykit.accounts.bcrypt-cost=10"};

    static final String PASSWORD = "correct horse battery staple";

    private Contexts() {
    }

    static ApplicationContextRunner starter() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                GalleryKitAutoConfiguration.class, GalleryKitAccountsAutoConfiguration.class,
                GalleryKitHealthAutoConfiguration.class));
    }

    static ApplicationContextRunner withAccounts() {
        return starter().withPropertyValues(ACCOUNT_PROPERTIES);
    }

    static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.test";
    }

    /** Signs a user up and creates an album of theirs, then reads it back: a round trip through the store. */
    static Album signUpAndCreateAlbum(ApplicationContext context) {
        Accounts accounts = context.getBean(Accounts.class);
        Gallery gallery = context.getBean(Gallery.class);
        User user = accounts.signUp(newEmail(), PASSWORD, "Ann");
        Album album = gallery.albums().create(user.id(), "Holidays", "by the sea");
        assertThat(gallery.albums().get(user.id(), album.id()).name()).isEqualTo("Holidays");
        // The store's memberships are wired: an album shared with another account is theirs to see.
        User sister = accounts.signUp(newEmail(), PASSWORD, "Bea");
        gallery.sharing().share(user.id(), album.id(), sister.id(), AlbumRole.VIEWER, false);
        assertThat(gallery.sharing().sharedWithMe(sister.id(), PageRequest.first(10)).items())
                .extracting(shared -> shared.album().id()).containsExactly(album.id());
        assertThat(gallery.albums().get(sister.id(), album.id()).name()).isEqualTo("Holidays");
        return album;
    }

    static Status health(ApplicationContext context, String indicator) {
        return context.getBean(indicator, HealthIndicator.class).health().getStatus();
    }
}
