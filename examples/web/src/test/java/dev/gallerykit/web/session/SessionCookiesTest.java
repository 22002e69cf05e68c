package dev.gallerykit.web.session;

import dev.gallerykit.auth.AuthTokens;
import dev.gallerykit.domain.UserId;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockCookie;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Session cookies: HttpOnly, SameSite=Lax, Secure under HTTPS, as long-lived as their tokens")
class SessionCookiesTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final AuthTokens TOKENS = new AuthTokens(new UserId(UUID.randomUUID()),
            "access-token", NOW.plus(Duration.ofMinutes(5)), "refresh-token", NOW.plus(Duration.ofDays(30)));

    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/signin");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    private MockCookie cookie(String name) {
        return (MockCookie) response.getCookie(name);
    }

    @Test
    @DisplayName("a sign-in sets both tokens, each for as long as it is valid")
    void writeSetsBothTokens() {
        SessionCookies.write(request, response, TOKENS, NOW);

        assertThat(response.getHeaders(HttpHeaders.SET_COOKIE)).hasSize(2);
        MockCookie access = cookie(SessionCookies.ACCESS);
        assertThat(access.getValue()).isEqualTo("access-token");
        assertThat(access.getMaxAge()).isEqualTo(5 * 60);
        MockCookie refresh = cookie(SessionCookies.REFRESH);
        assertThat(refresh.getValue()).isEqualTo("refresh-token");
        assertThat(refresh.getMaxAge()).isEqualTo(30 * 24 * 60 * 60);
        for (MockCookie each : new MockCookie[] {access, refresh}) {
            assertThat(each.isHttpOnly()).as(each.getName()).isTrue();
            assertThat(each.getSameSite()).as(each.getName()).isEqualTo("Lax");
            assertThat(each.getPath()).as(each.getName()).isEqualTo("/");
            assertThat(each.getSecure()).as(each.getName() + " over plain HTTP").isFalse();
        }
    }

    @Test
    @DisplayName("over HTTPS both cookies are Secure")
    void secureOverHttps() {
        request.setSecure(true);

        SessionCookies.write(request, response, TOKENS, NOW);

        assertThat(cookie(SessionCookies.ACCESS).getSecure()).isTrue();
        assertThat(cookie(SessionCookies.REFRESH).getSecure()).isTrue();
    }

    @Test
    @DisplayName("a token that has already expired gets a cookie that expires at once, not a negative age")
    void expiredTokenExpiresAtOnce() {
        SessionCookies.write(request, response, TOKENS, NOW.plus(Duration.ofHours(1)));

        assertThat(cookie(SessionCookies.ACCESS).getMaxAge()).isZero();
        assertThat(cookie(SessionCookies.REFRESH).getMaxAge()).isPositive();
    }

    @Test
    @DisplayName("signing out empties both cookies and lets them expire at once")
    void clearEmptiesBoth() {
        SessionCookies.clear(request, response);

        for (String name : new String[] {SessionCookies.ACCESS, SessionCookies.REFRESH}) {
            MockCookie cookie = cookie(name);
            assertThat(cookie.getValue()).as(name).isEmpty();
            assertThat(cookie.getMaxAge()).as(name).isZero();
            assertThat(cookie.getPath()).as(name).isEqualTo("/");
            assertThat(cookie.isHttpOnly()).as(name).isTrue();
        }
    }

    @Test
    @DisplayName("reading finds a cookie by name and treats a missing or blank one as absent")
    void read() {
        assertThat(SessionCookies.read(request, SessionCookies.ACCESS)).as("no cookies at all").isEmpty();

        request.setCookies(new Cookie("other", "x"), new Cookie(SessionCookies.ACCESS, "token"),
                new Cookie(SessionCookies.REFRESH, ""));

        assertThat(SessionCookies.read(request, SessionCookies.ACCESS)).contains("token");
        assertThat(SessionCookies.read(request, SessionCookies.REFRESH)).as("blank").isEmpty();
        assertThat(SessionCookies.read(request, CsrfProtection.COOKIE)).as("missing").isEmpty();
    }
}
