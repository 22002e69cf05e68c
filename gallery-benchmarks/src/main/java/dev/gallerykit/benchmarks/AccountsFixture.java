package dev.gallerykit.benchmarks;

import dev.gallerykit.Gallery;
import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.LoggingMailer;
import dev.gallerykit.auth.TokenService;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.domain.UserStatus;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.UserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the account benchmarks share: an {@link Accounts} over the given user and session stores, with the
 * library's default bcrypt cost, and confirmed users written straight into the user store (as
 * {@code confirmEmail} leaves them), so that no trial waits for mail.
 */
final class AccountsFixture {

    static final String ISSUER = "https://photos.example.test";
    static final String AUDIENCE = "photos-web";
    static final String PASSWORD = "correct horse battery staple";
    /** Longer than any trial, so that a token issued at the start of one is still valid at its end. */
    static final Duration ACCESS_TOKEN_TTL = Duration.ofHours(1);

    private AccountsFixture() {
    }

    /** Accounts with the default {@code PasswordHasher} (cost and concurrency) and the system clock. */
    static Accounts accounts(UserRepository users, SessionRepository sessions, TokenService tokens) {
        InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
        Gallery gallery = Gallery.builder().albums(albums).photos(new InMemoryPhotoRepository(albums))
                .blobs(new InMemoryBlobStore()).owners(Accounts.ownerCheck(users)).build();
        return Accounts.builder()
                .gallery(gallery).users(users).sessions(sessions).tokens(tokens)
                .mailer(new LoggingMailer()).mailExecutor(Runnable::run)
                .clock(Clock.systemUTC())
                .links("https://photos.example.test/account")
                .accessTokenTtl(ACCESS_TOKEN_TTL)
                .build();
    }

    /** An HS256 service with a fresh 256-bit secret. */
    static TokenService hmacTokens(byte[] secret) {
        return TokenService.builder().issuer(ISSUER).audience(AUDIENCE).hmacSecret(secret).build();
    }

    static byte[] randomSecret() {
        byte[] secret = new byte[TokenService.MIN_HMAC_SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** A new {@code ACTIVE}, confirmed user with this password hash; returns its email. */
    static String activeUser(UserRepository users, String passwordHash) {
        Instant now = Instant.now();
        String email = "user-" + UUID.randomUUID() + "@example.test";
        users.create(new User(new UserId(UUID.randomUUID()), email, "Ann", passwordHash, UserStatus.ACTIVE,
                0, Optional.empty(), now, now, Optional.of(now), 0));
        return email;
    }
}
