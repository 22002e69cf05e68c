package dev.gallerykit.auth;

import dev.gallerykit.auth.TokenRejectedException.Reason;
import dev.gallerykit.domain.IdGenerator;
import dev.gallerykit.domain.Session;
import dev.gallerykit.domain.SessionId;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserStatus;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions of sign-ins: each starts a family of refresh tokens, of which only the newest works;
 * presenting an older one again revokes the family, since the token must have leaked. Every token
 * handed out comes with a fresh access token. Only a refresh token's SHA-256 is stored.
 */
final class RefreshSessions {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshSessions.class);
    private static final int MAX_REFRESH_TOKEN_CHARS = 128;

    private final SessionRepository sessions;
    private final UserRepository users;
    private final TokenService tokens;
    private final IdGenerator ids;
    private final Duration accessTokenTtl;
    private final Duration refreshTokenTtl;

    RefreshSessions(SessionRepository sessions, UserRepository users, TokenService tokens, IdGenerator ids,
            Duration accessTokenTtl, Duration refreshTokenTtl) {
        this.sessions = sessions;
        this.users = users;
        this.tokens = tokens;
        this.ids = ids;
        this.accessTokenTtl = accessTokenTtl;
        this.refreshTokenTtl = refreshTokenTtl;
    }

    /** A new family for a sign-in, lasting the refresh-token lifetime from now. */
    AuthTokens start(User user, Instant now) {
        String token = Digests.randomToken();
        SessionId id = ids.nextSessionId();
        Session session = new Session(id, id, user.id(), Digests.tokenHash(token), now, now.plus(refreshTokenTtl),
                Optional.empty(), Optional.empty());
        sessions.create(session);
        return tokensFor(user, session, token, now);
    }

    /** @see Accounts#refresh(String) */
    AuthTokens rotate(String refreshToken, Instant now) {
        Session current = find(refreshToken).orElseThrow(() -> new TokenRejectedException(Reason.UNKNOWN));
        if (current.revokedAt().isPresent()) {
            throw new TokenRejectedException(Reason.REVOKED);
        }
        if (current.rotatedAt().isPresent()) {
            sessions.revokeFamily(current.familyId(), now);
            LOG.warn("refresh token reuse for user {}: session {} revoked", current.userId(), current.familyId());
            throw new TokenRejectedException(Reason.REUSED);
        }
        if (!now.isBefore(current.expiresAt())) {
            throw new TokenRejectedException(Reason.EXPIRED, "at " + current.expiresAt());
        }
        Optional<User> user = users.findById(current.userId()).filter(u -> u.status() == UserStatus.ACTIVE);
        if (user.isEmpty()) {
            sessions.revokeFamily(current.familyId(), now);
            throw new TokenRejectedException(Reason.ACCOUNT_UNAVAILABLE);
        }
        String token = Digests.randomToken();
        Session next = new Session(ids.nextSessionId(), current.familyId(), current.userId(), Digests.tokenHash(token),
                now, current.expiresAt(), Optional.empty(), Optional.empty());
        try {
            sessions.rotate(current, next, now);
        } catch (ConcurrentModificationException e) {
            // Someone rotated it between our read and our write: the same token was used twice.
            sessions.revokeFamily(current.familyId(), now);
            throw new TokenRejectedException(Reason.REUSED);
        } catch (NotFoundException e) {
            throw new TokenRejectedException(Reason.UNKNOWN);
        }
        return tokensFor(user.get(), next, token, now);
    }

    /** Revokes the family of this refresh token; an unknown token is ignored. */
    void end(String refreshToken, Instant now) {
        find(refreshToken).ifPresent(session -> sessions.revokeFamily(session.familyId(), now));
    }

    private AuthTokens tokensFor(User user, Session session, String refreshToken, Instant now) {
        String access = tokens.issue(Purpose.ACCESS, user.id(), now, accessTokenTtl,
                Map.of(TokenService.EMAIL, user.email(), TokenService.SESSION, session.familyId().toString()));
        return new AuthTokens(user.id(), access, now.plus(accessTokenTtl), refreshToken, session.expiresAt());
    }

    private Optional<Session> find(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > MAX_REFRESH_TOKEN_CHARS) {
            return Optional.empty();
        }
        return sessions.findByTokenHash(Digests.tokenHash(refreshToken.strip()));
    }
}
