package dev.gallerykit.web.session;

import dev.gallerykit.auth.AuthTokens;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The session cookies: the access token and the refresh token of the auth module, both HttpOnly
 * (scripts never see them), SameSite=Lax (not sent on cross-site POSTs) and Secure when the request
 * came over HTTPS. Each cookie lives as long as its token.
 */
public final class SessionCookies {

    public static final String ACCESS = "GK_ACCESS";
    public static final String REFRESH = "GK_REFRESH";

    private SessionCookies() {
    }

    public static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, AuthTokens tokens, Instant now) {
        set(request, response, ACCESS, tokens.accessToken(), Duration.between(now, tokens.accessTokenExpiresAt()));
        set(request, response, REFRESH, tokens.refreshToken(), Duration.between(now, tokens.refreshTokenExpiresAt()));
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        set(request, response, ACCESS, "", Duration.ZERO);
        set(request, response, REFRESH, "", Duration.ZERO);
    }

    static void set(HttpServletRequest request, HttpServletResponse response, String name, String value, Duration maxAge) {
        set(request, response, name, value, "/", maxAge);
    }

    /**
     * A cookie like the session's (HttpOnly, SameSite=Lax, Secure over HTTPS) that the browser sends only to
     * {@code path} and the paths under it; an empty value with {@link Duration#ZERO} deletes it.
     */
    public static void set(HttpServletRequest request, HttpServletResponse response, String name, String value,
                           String path, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path(path)
                .maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
