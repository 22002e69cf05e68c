package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.Gallery;
import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.LoggingMailer;
import dev.gallerykit.auth.MailMessage;
import dev.gallerykit.auth.Mailer;
import dev.gallerykit.auth.TokenService;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.JavaImageEngine;
import dev.gallerykit.image.MediaType;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.memory.InMemoryShareRepository;
import dev.gallerykit.memory.InMemorySessionRepository;
import dev.gallerykit.memory.InMemoryUserRepository;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.ImageEngine;
import dev.gallerykit.vips.VipsImageEngine;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spi.UserRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("gallerykit.store=memory")
class MemoryStoreTest {

    @Test
    @DisplayName("with no properties but the accounts' the gallery and the accounts run in memory")
    void inMemoryByDefault() {
        Contexts.withAccounts().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(UserRepository.class)).isInstanceOf(InMemoryUserRepository.class);
            assertThat(context.getBean(AlbumRepository.class)).isInstanceOf(InMemoryAlbumRepository.class);
            assertThat(context.getBean(PhotoRepository.class)).isInstanceOf(InMemoryPhotoRepository.class);
            assertThat(context.getBean(ShareRepository.class)).isInstanceOf(InMemoryShareRepository.class);
            assertThat(context.getBean(SessionRepository.class)).isInstanceOf(InMemorySessionRepository.class);
            assertThat(context.getBean(BlobStore.class)).isInstanceOf(InMemoryBlobStore.class);
            assertThat(context.getBean(Mailer.class)).isInstanceOf(LoggingMailer.class);
            assertThat(context).doesNotHaveBean(HealthIndicator.class);
            Contexts.signUpAndCreateAlbum(context);
            UserId nobody = new UserId(UUID.randomUUID());
            assertThatThrownBy(() -> context.getBean(Gallery.class).albums().create(nobody, "Orphan", ""))
                    .as("no album for an id without an account").isInstanceOf(NotFoundException.class);
        });
    }

    @Test
    @DisplayName("without gallery-auth on the class path the gallery runs and no accounts are made")
    void coreWithoutAuth() {
        Contexts.starter().withClassLoader(new FilteredClassLoader("dev.gallerykit.auth.")).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Gallery.class)
                    .doesNotHaveBean(Accounts.class).doesNotHaveBean(TokenService.class);
            UserId owner = new UserId(UUID.randomUUID());
            Album album = context.getBean(Gallery.class).albums().create(owner, "Trees", "");
            assertThat(context.getBean(Gallery.class).albums().get(owner, album.id()).name()).isEqualTo("Trees");
        });
    }

    @Test
    @DisplayName("gallerykit.accounts.enabled=false leaves the accounts out, and their properties unasked")
    void accountsTurnedOff() {
        Contexts.starter().withPropertyValues("gallerykit.accounts.enabled=false").run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(Gallery.class).doesNotHaveBean(Accounts.class));
    }

    @Test
    @DisplayName("upload limits and renditions come from gallerykit.upload")
    void uploadProperties() {
        Contexts.withAccounts().withPropertyValues("gallerykit.upload.max-bytes=2MB",
                "gallerykit.upload.max-pixels=4000000", "gallerykit.upload.thumbnail-sizes=640,128").run(context -> {
                    var options = context.getBean(Gallery.class).imageOptions();
                    assertThat(options.maxBytes()).isEqualTo(2L * 1024 * 1024);
                    assertThat(options.maxPixels()).isEqualTo(4_000_000L);
                    assertThat(options.thumbnailSizes()).containsExactly(640, 128);
                });
    }

    @Test
    @DisplayName("the host's repositories, blob store, token service and mailer win, and the accounts use them")
    void hostBeansWin() {
        Contexts.starter().withPropertyValues("gallerykit.links-base-url=https://photos.example.test/account",
                "gallerykit.accounts.bcrypt-cost=10")
                .withUserConfiguration(HostBeans.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    HostBeans host = context.getBean(HostBeans.class);
                    assertThat(context.getBean(AlbumRepository.class)).isSameAs(host.albums);
                    assertThat(context.getBean(BlobStore.class)).isSameAs(host.blobs);
                    assertThat(context.getBean(TokenService.class)).isSameAs(host.tokens);
                    assertThat(context.getBean(Mailer.class)).isSameAs(host.mailer);
                    Album album = Contexts.signUpAndCreateAlbum(context);
                    assertThat(host.albums.find(album.ownerId(), album.id())).isPresent();
                    assertThat(host.sent).as("one confirmation for each account the album check signs up")
                            .hasSize(2).allSatisfy(mail ->
                            assertThat(mail.text()).contains("https://photos.example.test/account/confirm-email?token="));
                });
    }

    @Test
    @DisplayName("the host's ImageEngine bean makes the renditions, whatever gallerykit.upload.engine says")
    void hostImageEngine() {
        Contexts.starter().withPropertyValues("gallerykit.upload.engine=vips").withPropertyValues("gallerykit.accounts.enabled=false")
                .withBean(ImageEngine.class, NamedEngine::new).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Gallery.class).imageEngine()).isSameAs(context.getBean(ImageEngine.class));
                });
    }

    @Test
    @DisplayName("gallerykit.upload.engine: auto takes libvips when it loads, java and vips say which, vips without the module fails naming the property")
    void engineProperty() {
        Contexts.starter().withPropertyValues("gallerykit.accounts.enabled=false").run(context ->
                assertThat(context.getBean(Gallery.class).imageEngine().name()).startsWith("libvips "));
        Contexts.starter().withPropertyValues("gallerykit.accounts.enabled=false", "gallerykit.upload.engine=java")
                .run(context -> assertThat(context.getBean(Gallery.class).imageEngine()).isInstanceOf(JavaImageEngine.class));
        Contexts.starter().withPropertyValues("gallerykit.accounts.enabled=false", "gallerykit.upload.engine=vips")
                .run(context -> assertThat(context.getBean(Gallery.class).imageEngine()).isInstanceOf(VipsImageEngine.class));
        Contexts.starter().withClassLoader(new FilteredClassLoader("dev.gallerykit.vips"))
                .withPropertyValues("gallerykit.accounts.enabled=false").run(context ->
                        assertThat(context.getBean(Gallery.class).imageEngine()).isInstanceOf(JavaImageEngine.class));
        Contexts.starter().withClassLoader(new FilteredClassLoader("dev.gallerykit.vips"))
                .withPropertyValues("gallerykit.accounts.enabled=false", "gallerykit.upload.engine=vips").run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("gallerykit.upload.engine")
                                .hasMessageContaining("dev.gallerykit:gallery-vips"));
    }

    /** The pure-Java engine under another name: a host's engine of its own. */
    static final class NamedEngine implements ImageEngine {
        private final ImageEngine delegate = new JavaImageEngine();

        @Override
        public String name() {
            return "host";
        }

        @Override
        public boolean decodes(MediaType type) {
            return delegate.decodes(type);
        }

        @Override
        public List<Rendition> render(Path file, MediaType type, int orientation, ImageOptions options) {
            return delegate.render(file, type, orientation, options);
        }
    }

    @Test
    @DisplayName("the host's own Gallery bean replaces the starter's")
    void hostGalleryWins() {
        InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
        Gallery own = Gallery.builder().albums(albums).photos(new InMemoryPhotoRepository(albums))
                .blobs(new InMemoryBlobStore()).build();
        Contexts.withAccounts().withBean(Gallery.class, () -> own).run(context ->
                assertThat(context.getBean(Gallery.class)).isSameAs(own));
    }

    @Configuration(proxyBeanMethods = false)
    static class HostBeans {
        final InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
        final InMemoryBlobStore blobs = new InMemoryBlobStore();
        final List<MailMessage> sent = new CopyOnWriteArrayList<>();
        final Mailer mailer = sent::add;
        final TokenService tokens = TokenService.builder().issuer("https://host.example.test").audience("host")
                .hmacSecret(new byte[32]).build();

        @Bean
        AlbumRepository hostAlbums() {
            return albums;
        }

        @Bean
        BlobStore hostBlobs() {
            return blobs;
        }

        @Bean
        Mailer hostMailer() {
            return mailer;
        }

        @Bean
        TokenService hostTokens() {
            return tokens;
        }
    }
}
