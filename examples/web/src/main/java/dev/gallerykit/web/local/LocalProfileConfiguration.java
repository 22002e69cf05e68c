package dev.gallerykit.web.local;

import dev.gallerykit.auth.Mailer;
import dev.gallerykit.local.Credentials;
import dev.gallerykit.local.LocalCloud;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.annotation.Role;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The beans of the {@code local} profile, on the servers {@link LocalCloudRunListener} started. */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class LocalProfileConfiguration {

    /** The key pair the local S3 accepts; the starter's S3 client uses a credentials bean when there is one. */
    @Bean
    AwsCredentialsProvider localCloudCredentials(LocalCloud localCloud) {
        Credentials credentials = localCloud.credentials();
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey()));
    }

    /** Infrastructure: a bean post-processor needs it before the other post-processors exist. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static DevMailbox devMailbox() {
        return new DevMailbox();
    }

    /** Notes each recipient the accounts mail, so that /dev/mail knows whose mailbox to read on GreenMail. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static BeanPostProcessor recordingMailer(DevMailbox mailbox) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof Mailer mailer) {
                    return (Mailer) message -> {
                        mailbox.addressed(message.to());
                        mailer.send(message);
                    };
                }
                return bean;
            }
        };
    }
}
