package dev.gallerykit.web.session;

import dev.gallerykit.web.session.CsrfProtection.CsrfRejectedException;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockCookie;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("CSRF protection: a signed double submit of a nonce cookie and a form field or header")
class CsrfProtectionTest {

    private static final Object HANDLER = new Object();

    private final CsrfProtection csrf = new CsrfProtection();

    /** What a page's GET hands a browser: the nonce in its cookie and the token for its forms. */
    private record Issued(String nonce, String token) {
    }

    private static Issued visit(CsrfProtection csrf) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/albums");
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(csrf.preHandle(request, response, HANDLER)).isTrue();
        return new Issued(response.getCookie(CsrfProtection.COOKIE).getValue(), token(request));
    }

    private static String token(MockHttpServletRequest request) {
        return (String) request.getAttribute(CsrfProtection.ATTRIBUTE);
    }

    /** The same token with its first character changed: as long, but not the signature. */
    private static String tampered(String token) {
        return (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
    }

    private static MockHttpServletRequest post(String nonce) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/albums");
        if (nonce != null) {
            request.setCookies(new Cookie(CsrfProtection.COOKIE, nonce));
        }
        return request;
    }

    private boolean handle(MockHttpServletRequest request) {
        return csrf.preHandle(request, new MockHttpServletResponse(), HANDLER);
    }

    @Nested
    @DisplayName("a safe request")
    class SafeRequests {

        @ParameterizedTest(name = "{0} passes without any token")
        @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "TRACE"})
        void passesWithoutToken(String method) {
            MockHttpServletRequest request = new MockHttpServletRequest(method, "/albums");
            MockHttpServletResponse response = new MockHttpServletResponse();

            assertThat(csrf.preHandle(request, response, HANDLER)).isTrue();
            assertThat(response.getCookie(CsrfProtection.COOKIE)).as("a nonce cookie is issued").isNotNull();
            assertThat(token(request)).as("the token for the page's forms").isNotBlank();
        }

        @Test
        @DisplayName("without a nonce gets one in an HttpOnly, SameSite=Lax cookie for the whole site and a day")
        void issuesNonceCookie() {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/albums");
            MockHttpServletResponse response = new MockHttpServletResponse();

            csrf.preHandle(request, response, HANDLER);

            assertThat(response.getHeaders(HttpHeaders.SET_COOKIE)).hasSize(1);
            MockCookie cookie = (MockCookie) response.getCookie(CsrfProtection.COOKIE);
            assertThat(cookie.getValue()).as("32 random bytes, base64url").matches("[A-Za-z0-9_-]{43}");
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.getSameSite()).isEqualTo("Lax");
            assertThat(cookie.getPath()).isEqualTo("/");
            assertThat(cookie.getMaxAge()).isEqualTo(24 * 60 * 60);
            assertThat(cookie.getSecure()).as("not Secure over plain HTTP").isFalse();
        }

        @Test
        @DisplayName("over HTTPS gets a Secure nonce cookie")
        void secureOverHttps() {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/albums");
            request.setSecure(true);
            MockHttpServletResponse response = new MockHttpServletResponse();

            csrf.preHandle(request, response, HANDLER);

            MockCookie cookie = (MockCookie) response.getCookie(CsrfProtection.COOKIE);
            assertThat(cookie.getSecure()).isTrue();
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.getSameSite()).isEqualTo("Lax");
        }

        @Test
        @DisplayName("with a nonce keeps it: no new cookie, and the same token as before")
        void keepsExistingNonce() {
            Issued first = visit(csrf);
            MockHttpServletRequest again = new MockHttpServletRequest("GET", "/albums/1");
            again.setCookies(new Cookie(CsrfProtection.COOKIE, first.nonce()));
            MockHttpServletResponse response = new MockHttpServletResponse();

            csrf.preHandle(again, response, HANDLER);

            assertThat(response.getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
            assertThat(token(again)).isEqualTo(first.token());
        }

        @Test
        @DisplayName("two browsers get different nonces and different tokens")
        void noncesDiffer() {
            Issued one = visit(csrf);
            Issued other = visit(csrf);

            assertThat(other.nonce()).isNotEqualTo(one.nonce());
            assertThat(other.token()).isNotEqualTo(one.token());
        }
    }

    @Nested
    @DisplayName("an unsafe request")
    class UnsafeRequests {

        @Test
        @DisplayName("passes with the token of its nonce in the _csrf field, and keeps the nonce")
        void passesWithField() {
            Issued issued = visit(csrf);
            MockHttpServletRequest request = post(issued.nonce());
            request.addParameter(CsrfProtection.FIELD, issued.token());
            MockHttpServletResponse response = new MockHttpServletResponse();

            assertThat(csrf.preHandle(request, response, HANDLER)).isTrue();
            assertThat(response.getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
            assertThat(token(request)).as("the next form's token").isEqualTo(issued.token());
        }

        @Test
        @DisplayName("passes with the token in the X-CSRF-Token header, like the field")
        void passesWithHeader() {
            Issued issued = visit(csrf);
            MockHttpServletRequest request = post(issued.nonce());
            request.addHeader(CsrfProtection.HEADER, issued.token());

            assertThat(handle(request)).isTrue();
        }

        @ParameterizedTest(name = "{0} is checked like a POST")
        @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
        void otherUnsafeMethods(String method) {
            Issued issued = visit(csrf);
            MockHttpServletRequest without = new MockHttpServletRequest(method, "/albums/1");
            without.setCookies(new Cookie(CsrfProtection.COOKIE, issued.nonce()));
            assertThatThrownBy(() -> handle(without)).isInstanceOf(CsrfRejectedException.class);

            MockHttpServletRequest with = new MockHttpServletRequest(method, "/albums/1");
            with.setCookies(new Cookie(CsrfProtection.COOKIE, issued.nonce()));
            with.addHeader(CsrfProtection.HEADER, issued.token());
            assertThat(handle(with)).isTrue();
        }

        @Test
        @DisplayName("is refused without the nonce cookie, even with a token that was valid for some nonce")
        void refusedWithoutCookie() {
            Issued issued = visit(csrf);
            MockHttpServletRequest request = post(null);
            request.addParameter(CsrfProtection.FIELD, issued.token());

            assertThatThrownBy(() -> handle(request)).isInstanceOf(CsrfRejectedException.class)
                    .hasMessageContaining("reload the page");
        }

        @Test
        @DisplayName("is refused with the cookie but neither field nor header")
        void refusedWithoutToken() {
            Issued issued = visit(csrf);

            assertThatThrownBy(() -> handle(post(issued.nonce()))).isInstanceOf(CsrfRejectedException.class);
        }

        @Test
        @DisplayName("is refused with a wrong token in the field or in the header")
        void refusedWithWrongToken() {
            Issued issued = visit(csrf);
            MockHttpServletRequest field = post(issued.nonce());
            field.addParameter(CsrfProtection.FIELD, tampered(issued.token()));
            MockHttpServletRequest header = post(issued.nonce());
            header.addHeader(CsrfProtection.HEADER, "not-a-token");
            MockHttpServletRequest nonceAsToken = post(issued.nonce());
            nonceAsToken.addParameter(CsrfProtection.FIELD, issued.nonce());

            assertThatThrownBy(() -> handle(field)).isInstanceOf(CsrfRejectedException.class);
            assertThatThrownBy(() -> handle(header)).isInstanceOf(CsrfRejectedException.class);
            assertThatThrownBy(() -> handle(nonceAsToken)).as("the cookie's value echoed back")
                    .isInstanceOf(CsrfRejectedException.class);
        }

        @Test
        @DisplayName("is refused with a token another instance signed for the same nonce (another key)")
        void refusedWithOtherKey() {
            Issued issued = visit(csrf);
            CsrfProtection other = new CsrfProtection();
            MockHttpServletRequest elsewhere = new MockHttpServletRequest("GET", "/albums");
            elsewhere.setCookies(new Cookie(CsrfProtection.COOKIE, issued.nonce()));
            other.preHandle(elsewhere, new MockHttpServletResponse(), HANDLER);
            String foreign = token(elsewhere);
            assertThat(foreign).isNotEqualTo(issued.token());

            MockHttpServletRequest request = post(issued.nonce());
            request.addParameter(CsrfProtection.FIELD, foreign);

            assertThatThrownBy(() -> handle(request)).isInstanceOf(CsrfRejectedException.class);
        }

        @Test
        @DisplayName("is refused when the token belongs to another nonce")
        void refusedWithTokenOfAnotherNonce() {
            Issued mine = visit(csrf);
            Issued theirs = visit(csrf);
            MockHttpServletRequest request = post(theirs.nonce());
            request.addParameter(CsrfProtection.FIELD, mine.token());

            assertThatThrownBy(() -> handle(request)).isInstanceOf(CsrfRejectedException.class);
        }

        @Test
        @DisplayName("is refused with a blank nonce cookie, which counts as none")
        void refusedWithBlankCookie() {
            Issued issued = visit(csrf);
            MockHttpServletRequest request = post(" ");
            request.addParameter(CsrfProtection.FIELD, issued.token());

            assertThatThrownBy(() -> handle(request)).isInstanceOf(CsrfRejectedException.class);
        }

        @Test
        @DisplayName("that is refused gets no new nonce cookie")
        void refusedIssuesNothing() {
            MockHttpServletRequest request = post(null);
            MockHttpServletResponse response = new MockHttpServletResponse();

            assertThatThrownBy(() -> csrf.preHandle(request, response, HANDLER))
                    .isInstanceOf(CsrfRejectedException.class);
            assertThat(response.getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
            assertThat(token(request)).isNull();
        }
    }
}
