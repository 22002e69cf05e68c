package dev.gallerykit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.Gallery;
import dev.gallerykit.local.LocalSmtp;
import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InProcessEventPublisher;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.memory.InMemorySessionRepository;
import dev.gallerykit.memory.InMemoryUserRepository;
import dev.gallerykit.testkit.MutableClock;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One account service over in-memory stores, mailing through the shared local SMTP server. */
final class Harness {

    static final String BASE_URL = "https://photos.example.test/account";
    static final String PASSWORD = "correct horse battery staple";
    static final Duration MAIL_WAIT = Duration.ofSeconds(10);
    private static final Pattern LINK = Pattern.compile("https://\\S+?\\?token=[A-Za-z0-9_.-]+");
    private static final PasswordHasher COST_10 = PasswordHasher.withCost(PasswordHasher.MIN_COST);

    final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemorySessionRepository sessions = new InMemorySessionRepository();
    final InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
    final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(albums);
    final InMemoryBlobStore blobs = new InMemoryBlobStore();
    /** What the gallery and the accounts published, in order. */
    final List<GalleryEvent> events = Collections.synchronizedList(new ArrayList<>());
    final Gallery gallery = Gallery.builder().albums(albums).photos(photos).blobs(blobs).clock(clock)
            .owners(Accounts.ownerCheck(users)).events(new InProcessEventPublisher().listen(events::add)).build();
    final TokenService tokens = TokenService.builder()
            .issuer("https://photos.example.test").audience("photos-web").hmacSecret(randomBytes(32)).build();
    final LocalSmtp.Server smtp;
    final Mailer mailer;
    final Accounts accounts;

    Harness(LocalSmtp.Server smtp) {
        this(smtp, builder -> { });
    }

    Harness(LocalSmtp.Server smtp, Consumer<Accounts.Builder> customise) {
        this.smtp = smtp;
        this.mailer = smtpMailer(smtp);
        Accounts.Builder builder = Accounts.builder()
                .gallery(gallery).users(users).sessions(sessions).mailer(mailer).tokens(tokens).clock(clock)
                .links(BASE_URL).appName("Photos")
                .passwordHasher(COST_10)
                .mailExecutor(Runnable::run);
        customise.accept(builder);
        this.accounts = builder.build();
    }

    /** A mailer that sends to the local server as the harness does. */
    static Mailer smtpMailer(LocalSmtp.Server smtp) {
        return SmtpMailer.builder().host(smtp.host()).port(smtp.port()).security(SmtpMailer.Security.NONE)
                .from("Photos <no-reply@photos.example.test>").build();
    }

    /** A fresh address, so that tests sharing the mail server never read each other's mail. */
    static String newEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Signs up and confirms through the mailed link. */
    dev.gallerykit.domain.User activeUser(String email) {
        accounts.signUp(email, PASSWORD, "Ann");
        return accounts.confirmEmail(tokenOf(lastMail(email, 1)));
    }

    MimeMessage lastMail(String to, int expectedCount) {
        var messages = smtp.awaitMessages(to, expectedCount, MAIL_WAIT);
        assertThat(messages).hasSize(expectedCount);
        return messages.get(messages.size() - 1);
    }

    /** The link in the plain-text part, as a reader would click it. */
    static String linkIn(MimeMessage message) {
        Matcher matcher = LINK.matcher(part(message, "text/plain"));
        assertThat(matcher.find()).as("a link in the text part").isTrue();
        return matcher.group();
    }

    static String tokenOf(MimeMessage message) {
        String link = linkIn(message);
        return link.substring(link.indexOf("?token=") + "?token=".length());
    }

    static String part(MimeMessage message, String type) {
        try {
            Object content = message.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    if (body.isMimeType(type)) {
                        return body.getContent().toString();
                    }
                }
                throw new AssertionError("no " + type + " part in " + message.getContentType());
            }
            return content.toString();
        } catch (IOException | MessagingException e) {
            throw new AssertionError("could not read the received message", e);
        }
    }
}
