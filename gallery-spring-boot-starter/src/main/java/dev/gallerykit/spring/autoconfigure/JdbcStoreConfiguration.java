package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spi.UserRepository;
import dev.gallerykit.spring.GalleryKitConfigurationException;
import dev.gallerykit.spring.GalleryKitProperties;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code gallerykit.store=jdbc}: the repositories of gallery-jdbc on {@code gallerykit.jdbc.url} (a
 * database of GalleryKit's own, with a pool made here) or else on the host's {@link DataSource}, with
 * the tables migrated on start unless {@code gallerykit.jdbc.migrate=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcRepositories.class)
@ConditionalOnProperty(name = "gallerykit.store", havingValue = "jdbc")
class JdbcStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JdbcRepositories gallerykitJdbcRepositories(GalleryKitProperties properties, ObjectProvider<DataSource> dataSources) {
        GalleryKitProperties.Jdbc jdbc = properties.jdbc();
        DataSource host = Problems.blank(jdbc.url()) ? dataSources.getIfUnique() : null;
        if (Problems.blank(jdbc.url()) && host == null) {
            throw new GalleryKitConfigurationException("gallerykit.jdbc.url",
                    "is required for gallerykit.store=jdbc when the application has no single DataSource bean");
        }
        JdbcRepositories repositories = Problems.build("gallerykit.jdbc", () -> {
            JdbcRepositories.Builder builder = JdbcRepositories.builder();
            if (host != null) {
                builder.dataSource(host);
            } else {
                builder.jdbcUrl(jdbc.url()).username(jdbc.username()).password(jdbc.password())
                        .maximumPoolSize(jdbc.maximumPoolSize()).connectionTimeout(jdbc.connectionTimeout())
                        .poolName("gallerykit");
            }
            return builder.build();
        });
        if (jdbc.migrate()) {
            try {
                repositories.migrate();
            } catch (RuntimeException e) {
                repositories.close();
                throw e;
            }
        }
        return repositories;
    }

    @Bean
    @ConditionalOnMissingBean
    UserRepository gallerykitUserRepository(JdbcRepositories repositories) {
        return repositories.users();
    }

    @Bean
    @ConditionalOnMissingBean
    AlbumRepository gallerykitAlbumRepository(JdbcRepositories repositories) {
        return repositories.albums();
    }

    @Bean
    @ConditionalOnMissingBean
    PhotoRepository gallerykitPhotoRepository(JdbcRepositories repositories) {
        return repositories.photos();
    }

    @Bean
    @ConditionalOnMissingBean
    ShareRepository gallerykitShareRepository(JdbcRepositories repositories) {
        return repositories.shares();
    }

    @Bean
    @ConditionalOnMissingBean
    SessionRepository gallerykitSessionRepository(JdbcRepositories repositories) {
        return repositories.sessions();
    }
}
