package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.spring.GalleryKitProperties;
import dev.gallerykit.Gallery;
import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.LoggingMailer;
import dev.gallerykit.auth.Mailer;
import dev.gallerykit.auth.SmtpMailer;
import dev.gallerykit.auth.TokenService;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.OwnerCheck;
import dev.gallerykit.spi.UserRepository;
import java.security.KeyPair;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Configures {@link Accounts} when gallery-auth is on the class path (unless
 * {@code gallerykit.accounts.enabled=false}): the {@link TokenService} from {@code gallerykit.tokens.*}
 * and a {@link Mailer}, which is an {@link SmtpMailer} when {@code gallerykit.mail.host} is set, else
 * Spring's {@link JavaMailSender} when the application has one, else a {@link LoggingMailer}.
 */
@AutoConfiguration(after = GalleryKitAutoConfiguration.class,
        afterName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ConditionalOnClass(Accounts.class)
@ConditionalOnProperty(name = "gallerykit.accounts.enabled", havingValue = "true", matchIfMissing = true)
public class GalleryKitAccountsAutoConfiguration {

    /** Made by Spring Boot from the auto-configuration imports. */
    public GalleryKitAccountsAutoConfiguration() {
    }

    private static final String WITH_AUTH = "when gallery-auth is on the class path";

    /** The gallery creates no album for an id without a live account (see {@link Accounts#ownerCheck}). */
    @Bean
    @ConditionalOnMissingBean
    OwnerCheck gallerykitOwnerCheck(UserRepository users) {
        return Accounts.ownerCheck(users);
    }

    @Bean
    @ConditionalOnMissingBean
    TokenService gallerykitTokenService(GalleryKitProperties properties) {
        GalleryKitProperties.Tokens tokens = properties.tokens();
        Problems problems = new Problems();
        problems.required("gallerykit.tokens.issuer", tokens.issuer(), WITH_AUTH);
        problems.required("gallerykit.tokens.audience", tokens.audience(), WITH_AUTH);
        boolean hasSecret = !Problems.blank(tokens.hmacSecret());
        boolean hasPair = !Problems.blank(tokens.privateKey()) || !Problems.blank(tokens.publicKey());
        byte[] secret = null;
        KeyPair pair = null;
        if (hasSecret && hasPair) {
            problems.add("gallerykit.tokens.hmac-secret", "and gallerykit.tokens.private-key exclude each other: set one");
        } else if (hasPair) {
            problems.required("gallerykit.tokens.private-key", tokens.privateKey(), "with gallerykit.tokens.public-key");
            problems.required("gallerykit.tokens.public-key", tokens.publicKey(), "with gallerykit.tokens.private-key");
            if (!Problems.blank(tokens.privateKey()) && !Problems.blank(tokens.publicKey())) {
                pair = PemKeys.read(tokens.privateKey(), tokens.publicKey(), problems);
            }
        } else if (hasSecret) {
            secret = problems.base64("gallerykit.tokens.hmac-secret", tokens.hmacSecret(), TokenService.MIN_HMAC_SECRET_BYTES);
        } else {
            problems.add("gallerykit.tokens.hmac-secret", "is required " + WITH_AUTH
                    + " (base64 of at least 32 random bytes; or gallerykit.tokens.private-key and public-key)");
        }
        problems.throwIfAny();
        byte[] hmac = secret;
        KeyPair keys = pair;
        return Problems.build("gallerykit.tokens", () -> {
            TokenService.Builder builder = TokenService.builder().issuer(tokens.issuer()).audience(tokens.audience());
            if (hmac != null) {
                builder.hmacSecret(hmac);
            } else {
                builder.signingKey(keys);
            }
            if (!Problems.blank(tokens.keyId())) {
                builder.keyId(tokens.keyId());
            }
            return builder.build();
        });
    }

    @Bean
    @ConditionalOnMissingBean
    Mailer gallerykitLoggingMailer() {
        return new LoggingMailer();
    }

    @Bean
    @ConditionalOnMissingBean
    Accounts accounts(GalleryKitProperties properties, Gallery gallery, UserRepository users,
            SessionRepository sessions, Mailer mailer, TokenService tokens, ObjectProvider<Clock> clock) {
        Problems problems = new Problems();
        problems.required("gallerykit.links-base-url", properties.linksBaseUrl(),
                WITH_AUTH + " (the account pages the mailed links open, such as https://photos.example.com/account)");
        problems.throwIfAny();
        GalleryKitProperties.Accounts settings = properties.accounts();
        return Problems.build("gallerykit.accounts", () -> {
            Accounts.Builder builder = Accounts.builder()
                    .gallery(gallery)
                    .users(users)
                    .sessions(sessions)
                    .mailer(mailer)
                    .tokens(tokens)
                    .links(properties.linksBaseUrl())
                    .appName(properties.appName())
                    .accessTokenTtl(properties.tokens().accessTokenTtl())
                    .refreshTokenTtl(properties.tokens().refreshTokenTtl())
                    .confirmationTtl(settings.confirmationTtl())
                    .resetTtl(settings.resetTtl());
            if (settings.bcryptCost() != null) {
                builder.bcryptCost(settings.bcryptCost());
            }
            clock.ifUnique(builder::clock);
            return builder.build();
        });
    }

    /** {@code gallerykit.mail.host} set: GalleryKit's own SMTP client. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "gallerykit.mail.host")
    static class Smtp {

        @Bean
        @ConditionalOnMissingBean
        Mailer gallerykitSmtpMailer(GalleryKitProperties properties) {
            GalleryKitProperties.Mail mail = properties.mail();
            Problems problems = new Problems();
            problems.required("gallerykit.mail.from", mail.from(), "with gallerykit.mail.host");
            if (Problems.blank(mail.username()) != Problems.blank(mail.password())) {
                problems.add(Problems.blank(mail.username()) ? "gallerykit.mail.username" : "gallerykit.mail.password",
                        "is required with the other SMTP credential");
            }
            problems.throwIfAny();
            return Problems.build("gallerykit.mail", () -> {
                SmtpMailer.Builder builder = SmtpMailer.builder()
                        .host(mail.host().strip())
                        .security(SmtpMailer.Security.valueOf(mail.security().name()))
                        .from(mail.from());
                if (mail.port() != null) {
                    builder.port(mail.port());
                }
                if (!Problems.blank(mail.username())) {
                    builder.credentials(mail.username(), mail.password());
                }
                return builder.build();
            });
        }
    }

    /** No {@code gallerykit.mail.host}, but the application configured Spring's mail sender. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JavaMailSender.class)
    @ConditionalOnBean(JavaMailSender.class)
    @Conditional(NoMailHost.class)
    static class SpringMail {

        @Bean
        @ConditionalOnMissingBean
        Mailer gallerykitSpringMailer(GalleryKitProperties properties, JavaMailSender sender) {
            return new JavaMailSenderMailer(sender, properties.mail().from());
        }
    }

    /** Matches when {@code gallerykit.mail.host} is not set. */
    static final class NoMailHost extends NoneNestedConditions {

        NoMailHost() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = "gallerykit.mail.host")
        static final class MailHost {
        }
    }
}
