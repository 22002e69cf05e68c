package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.dynamodb.DynamoDbRepositories;
import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.s3.S3BlobStore;
import dev.gallerykit.sqs.SqsJobQueue;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Health indicators of the stores in use, when Spring Boot's health support (Actuator) is on the
 * class path: {@code gallerykitJdbc}, {@code gallerykitDynamoDb}, {@code gallerykitS3} and {@code gallerykitSqs}
 * (the job queue). Turned off together with {@code management.health.gallerykit.enabled=false}.
 */
@AutoConfiguration(after = GalleryKitAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("gallerykit")
public class GalleryKitHealthAutoConfiguration {

    /** Made by Spring Boot from the auto-configuration imports. */
    public GalleryKitHealthAutoConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcRepositories.class)
    @ConditionalOnBean(JdbcRepositories.class)
    static class Jdbc {

        @Bean
        @ConditionalOnMissingBean(name = "gallerykitJdbcHealthIndicator")
        HealthIndicator gallerykitJdbcHealthIndicator(JdbcRepositories repositories) {
            return new JdbcStoreHealthIndicator(repositories);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({DynamoDbRepositories.class, DynamoDbClient.class})
    @ConditionalOnBean({DynamoDbRepositories.class, DynamoDbClient.class})
    static class DynamoDb {

        @Bean
        @ConditionalOnMissingBean(name = "gallerykitDynamoDbHealthIndicator")
        HealthIndicator gallerykitDynamoDbHealthIndicator(DynamoDbClient client, DynamoDbRepositories repositories) {
            return new DynamoDbStoreHealthIndicator(client, repositories);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({S3BlobStore.class, S3Client.class})
    @ConditionalOnBean({S3BlobStore.class, S3Client.class})
    static class S3 {

        @Bean
        @ConditionalOnMissingBean(name = "gallerykitS3HealthIndicator")
        HealthIndicator gallerykitS3HealthIndicator(S3Client client, S3BlobStore store) {
            return new S3BlobStoreHealthIndicator(client, store);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({SqsJobQueue.class, SqsClient.class})
    @ConditionalOnBean({SqsJobQueue.class, SqsClient.class})
    static class Sqs {

        @Bean
        @ConditionalOnMissingBean(name = "gallerykitSqsHealthIndicator")
        HealthIndicator gallerykitSqsHealthIndicator(SqsClient client, SqsJobQueue queue) {
            return new SqsJobQueueHealthIndicator(client, queue);
        }
    }
}
