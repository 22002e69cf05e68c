package dev.gallerykit.web.session;

import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.AuthTokens;
import dev.gallerykit.auth.Principal;
import dev.gallerykit.error.AuthenticationFailedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Finds the signed-in user of each request from the access-token cookie. When that token is missing
 * or expired and a refresh token is there, trades it for new tokens and sets both cookies again
 * (silent refresh); when the refresh token is refused too, clears them. The user, if any, is left
 * in the request for {@link CurrentUserResolver}.
 *
 * <p>A refresh token works once: two requests that both refresh with the same one would look like a
 * stolen token, and the second ends the session. Server-rendered pages make one request at a time;
 * static files and images (presigned S3 URLs) do not come through here.
 */
public final class SessionInterceptor implements HandlerInterceptor {

    static final String ATTRIBUTE = CurrentUser.class.getName();
    private static final Logger LOG = LoggerFactory.getLogger(SessionInterceptor.class);

    private final Accounts accounts;
    private final Clock clock;

    public SessionInterceptor(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The user {@link SessionInterceptor} found for this request, if any. */
    public static Optional<CurrentUser> find(HttpServletRequest request) {
        return Optional.ofNullable((CurrentUser) request.getAttribute(ATTRIBUTE));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        current(request, response).ifPresent(user -> request.setAttribute(ATTRIBUTE, user));
        return true;
    }

    private Optional<CurrentUser> current(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> access = SessionCookies.read(request, SessionCookies.ACCESS);
        if (access.isPresent()) {
            try {
                return Optional.of(user(accounts.authenticate(access.get())));
            } catch (AuthenticationFailedException e) {
                LOG.debug("access token refused ({}); trying the refresh token", e.getMessage());
            }
        }
        Optional<String> refresh = SessionCookies.read(request, SessionCookies.REFRESH);
        if (refresh.isEmpty()) {
            return Optional.empty();
        }
        try {
            AuthTokens tokens = accounts.refresh(refresh.get());
            SessionCookies.write(request, response, tokens, clock.instant());
            return Optional.of(user(accounts.authenticate(tokens.accessToken())));
        } catch (AuthenticationFailedException e) {
            LOG.debug("refresh token refused ({}); signed out", e.getMessage());
            SessionCookies.clear(request, response);
            return Optional.empty();
        }
    }

    private static CurrentUser user(Principal principal) {
        return new CurrentUser(principal.userId(), principal.email());
    }
}
