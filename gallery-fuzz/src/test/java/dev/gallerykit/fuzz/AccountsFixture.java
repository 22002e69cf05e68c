package dev.gallerykit.fuzz;

import dev.gallerykit.Gallery;
import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.TokenService;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.domain.UserStatus;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.memory.InMemorySessionRepository;
import dev.gallerykit.memory.InMemoryUserRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts over in-memory stores whose every input to a token is fixed: the HMAC secret, the clock, and one
 * active and one pending user with fixed ids and password hash. A token issued by one instance therefore
 * verifies (and its one-time binding matches) on every other, so seeds written once stay valid seeds.
 */
final class AccountsFixture {

    static final byte[] SECRET = "gallerykit-fuzz-token-secret-0123456789".getBytes(StandardCharsets.US_ASCII);
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final String PASSWORD = "fuzzing is fun 2026";
    /** bcrypt (cost 10) of {@link #PASSWORD}, fixed so that bindings over the hash are the same in every JVM. */
    static final String PASSWORD_HASH = "$2b$10$a/Pa3lJUVHQd/cuURKvSt.bWowgqdUNef0v082LDWHNujyLrNL/q6";
    static final User ACTIVE = user("0190a0b0-0000-7000-8000-00000000000a", "active@fuzz.example", UserStatus.ACTIVE);
    static final User PENDING = user("0190a0b0-0000-7000-8000-00000000000b", "pending@fuzz.example", UserStatus.PENDING);

    final InMemoryUserRepository users = new InMemoryUserRepository();
    final Accounts accounts;

    AccountsFixture(dev.gallerykit.auth.Mailer mailer) {
        users.create(ACTIVE);
        users.create(PENDING);
        InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
        Gallery gallery = Gallery.builder().albums(albums).photos(new InMemoryPhotoRepository(albums))
                .blobs(new InMemoryBlobStore()).build();
        accounts = Accounts.builder()
                .gallery(gallery)
                .users(users)
                .sessions(new InMemorySessionRepository())
                .mailer(mailer)
                .mailExecutor(Runnable::run)
                .tokens(TokenService.builder().issuer("https://photos.fuzz.example").audience("photos-web")
                        .hmacSecret(SECRET).build())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .links("https://photos.fuzz.example/")
                .bcryptCost(10)
                .build();
    }

    private static User user(String id, String email, UserStatus status) {
        Instant created = NOW.minusSeconds(3600);
        return new User(new UserId(UUID.fromString(id)), email, "Fuzz", PASSWORD_HASH, status, 0, Optional.empty(),
                created, created, status == UserStatus.ACTIVE ? Optional.of(created) : Optional.empty(), 0);
    }
}
