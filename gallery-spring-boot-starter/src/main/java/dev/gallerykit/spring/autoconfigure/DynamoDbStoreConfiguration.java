package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.dynamodb.DynamoDbRepositories;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spi.UserRepository;
import dev.gallerykit.spring.GalleryKitConfigurationException;
import dev.gallerykit.spring.GalleryKitProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * {@code gallerykit.store=dynamodb}: the repositories of gallery-dynamodb on the host's
 * {@link DynamoDbClient}, or on one made here from the SDK defaults, {@code gallerykit.dynamodb.endpoint}
 * and {@code .region} and the host's {@link AwsCredentialsProvider} bean if any. Missing tables are
 * created on start unless {@code gallerykit.dynamodb.create-tables=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({DynamoDbRepositories.class, DynamoDbClient.class})
@ConditionalOnProperty(name = "gallerykit.store", havingValue = "dynamodb")
class DynamoDbStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DynamoDbClient gallerykitDynamoDbClient(GalleryKitProperties properties,
            ObjectProvider<AwsCredentialsProvider> credentials) {
        GalleryKitProperties.DynamoDb dynamo = properties.dynamodb();
        DynamoDbClientBuilder builder = DynamoDbClient.builder();
        if (dynamo.endpoint() != null) {
            builder.endpointOverride(dynamo.endpoint());
        }
        if (!Problems.blank(dynamo.region())) {
            builder.region(Region.of(dynamo.region().strip()));
        }
        credentials.ifUnique(builder::credentialsProvider);
        try {
            return builder.build();
        } catch (SdkException e) {
            throw new GalleryKitConfigurationException("gallerykit.dynamodb.region",
                    "is required when the SDK finds no region (AWS_REGION, ~/.aws/config): " + e.getMessage(), e);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    DynamoDbRepositories gallerykitDynamoDbRepositories(GalleryKitProperties properties, DynamoDbClient client) {
        DynamoDbRepositories repositories = Problems.build("gallerykit.dynamodb", () -> DynamoDbRepositories.builder()
                .client(client)
                .tablePrefix(properties.dynamodb().tablePrefix())
                .build());
        if (properties.dynamodb().createTables()) {
            repositories.createTablesIfMissing();
        }
        return repositories;
    }

    @Bean
    @ConditionalOnMissingBean
    UserRepository gallerykitUserRepository(DynamoDbRepositories repositories) {
        return repositories.users();
    }

    @Bean
    @ConditionalOnMissingBean
    AlbumRepository gallerykitAlbumRepository(DynamoDbRepositories repositories) {
        return repositories.albums();
    }

    @Bean
    @ConditionalOnMissingBean
    PhotoRepository gallerykitPhotoRepository(DynamoDbRepositories repositories) {
        return repositories.photos();
    }

    @Bean
    @ConditionalOnMissingBean
    ShareRepository gallerykitShareRepository(DynamoDbRepositories repositories) {
        return repositories.shares();
    }

    @Bean
    @ConditionalOnMissingBean
    SessionRepository gallerykitSessionRepository(DynamoDbRepositories repositories) {
        return repositories.sessions();
    }
}
