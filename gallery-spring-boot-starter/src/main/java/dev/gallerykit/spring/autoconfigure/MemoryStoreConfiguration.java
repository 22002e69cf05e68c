package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.memory.InMemorySessionRepository;
import dev.gallerykit.memory.InMemoryShareRepository;
import dev.gallerykit.memory.InMemoryUserRepository;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spi.UserRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code gallerykit.store=memory}, the default: every repository in this JVM's memory. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gallerykit.store", havingValue = "memory", matchIfMissing = true)
class MemoryStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    UserRepository gallerykitUserRepository() {
        return new InMemoryUserRepository();
    }

    @Bean
    @ConditionalOnMissingBean
    AlbumRepository gallerykitAlbumRepository() {
        return new InMemoryAlbumRepository();
    }

    @Bean
    @ConditionalOnMissingBean
    PhotoRepository gallerykitPhotoRepository(AlbumRepository albums) {
        // In memory, photos are written under the album store's lock (album delete and cover checks are atomic),
        // so the photo store needs the in-memory album store itself.
        return new InMemoryPhotoRepository(inMemory(albums, "photos", "PhotoRepository"));
    }

    @Bean
    @ConditionalOnMissingBean
    ShareRepository gallerykitShareRepository(AlbumRepository albums) {
        // Like photos, memberships are written under the in-memory album store's lock.
        return new InMemoryShareRepository(inMemory(albums, "memberships and links", "ShareRepository"));
    }

    /** The album store, which must be the in-memory one for the stores kept with it. */
    private static InMemoryAlbumRepository inMemory(AlbumRepository albums, String kept, String bean) {
        if (albums instanceof InMemoryAlbumRepository memoryAlbums) {
            return memoryAlbums;
        }
        throw new IllegalStateException("gallerykit.store=memory keeps " + kept + " with the in-memory album store, but "
                + "the application defines an AlbumRepository of type " + albums.getClass().getName()
                + ": define a " + bean + " bean as well");
    }

    @Bean
    @ConditionalOnMissingBean
    SessionRepository gallerykitSessionRepository() {
        return new InMemorySessionRepository();
    }
}
