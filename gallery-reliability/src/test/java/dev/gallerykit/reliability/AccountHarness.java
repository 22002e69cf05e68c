package dev.gallerykit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.Gallery;
import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.PasswordHasher;
import dev.gallerykit.auth.SmtpMailer;
import dev.gallerykit.auth.TokenService;
import dev.gallerykit.domain.User;
import dev.gallerykit.local.LocalSmtp;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.UserRepository;
import dev.gallerykit.testkit.MutableClock;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One account service over the user and session stores under test, mailing through the local SMTP
 * server. The gallery behind it (which only an account deletion touches) is in memory. bcrypt runs
 * at its lowest cost, which changes nothing the races check and keeps 160 sign-ups short.
 */
final class AccountHarness {

    static final String PASSWORD = "correct horse battery staple";
    private static final Duration MAIL_WAIT = Duration.ofSeconds(10);
    private static final Pattern CONFIRMATION_TOKEN = Pattern.compile("/confirm-email\\?token=([A-Za-z0-9_.-]+)");

    final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    final UserRepository users;
    final SessionLog sessions;
    final Accounts accounts;
    final InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
    final Gallery gallery;
    private final LocalSmtp.Server smtp;

    AccountHarness(UserRepository users, SessionRepository sessions, LocalSmtp.Server smtp) {
        this.users = users;
        this.sessions = new SessionLog(sessions);
        this.smtp = smtp;
        this.gallery = Gallery.builder().albums(albums).photos(new InMemoryPhotoRepository(albums))
                .blobs(new InMemoryBlobStore()).clock(clock).owners(Accounts.ownerCheck(users)).build();
        this.accounts = Accounts.builder()
                .gallery(this.gallery).users(users).sessions(this.sessions).clock(clock)
                .mailer(SmtpMailer.builder().host(smtp.host()).port(smtp.port()).security(SmtpMailer.Security.NONE)
                        .from("Photos <no-reply@photos.example.test>").build())
                .tokens(TokenService.builder().issuer("https://photos.example.test").audience("photos-web")
                        .hmacSecret(randomBytes(32)).build())
                .links("https://photos.example.test/account").appName("Photos")
                .passwordHasher(PasswordHasher.withCost(PasswordHasher.MIN_COST))
                // Mail is sent before the call returns, so a test can count it right after.
                .mailExecutor(Runnable::run)
                .build();
    }

    /** An address nobody used yet, so tests sharing the mail server and the store never meet. */
    static String newEmail() {
        return "racer-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    /** Signs up and confirms through the link in the mail, as the user would. */
    User activeUser(String email) {
        accounts.signUp(email, PASSWORD, "Ann");
        return accounts.confirmEmail(confirmationToken(mailsTo(email, 1).get(0)));
    }

    /** The mails the server received for {@code email}, once there are {@code count} of them. */
    List<MimeMessage> mailsTo(String email, int count) {
        return smtp.awaitMessages(email, count, MAIL_WAIT);
    }

    private static String confirmationToken(MimeMessage mail) {
        Matcher link = CONFIRMATION_TOKEN.matcher(plainText(mail));
        assertThat(link.find()).as("a confirmation link in the mail").isTrue();
        return link.group(1);
    }

    private static String plainText(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            if (!(content instanceof Multipart parts)) {
                return content.toString();
            }
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return part.getContent().toString();
                }
            }
            throw new AssertionError("no text/plain part in a mail of type " + mail.getContentType());
        } catch (IOException | MessagingException e) {
            throw new AssertionError("the received mail could not be read", e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
