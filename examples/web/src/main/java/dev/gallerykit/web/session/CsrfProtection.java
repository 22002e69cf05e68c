package dev.gallerykit.web.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * CSRF protection by a signed double submit: each browser gets a random nonce in an HttpOnly cookie,
 * and every form carries the HMAC of that nonce under a key only this process knows ({@code _csrf}).
 * A POST (or any unsafe method) whose field does not match its cookie is refused with 403. Another
 * site can neither read the cookie nor compute the field; even a cookie it managed to plant gives it
 * no matching field without the key. The SameSite=Lax session cookies are a second line.
 *
 * <p>It runs as an interceptor, after Spring has parsed multipart bodies, so upload forms carry the
 * field like any other form.
 */
public final class CsrfProtection implements HandlerInterceptor {

    public static final String COOKIE = "GK_CSRF";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    /** The request attribute, and model attribute, with the token for this request's forms. */
    public static final String ATTRIBUTE = "csrfToken";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public CsrfProtection() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Optional<String> nonce = SessionCookies.read(request, COOKIE);
        if (!SAFE.contains(request.getMethod())) {
            String presented = Optional.ofNullable(request.getParameter(FIELD)).orElse(request.getHeader(HEADER));
            if (nonce.isEmpty() || presented == null || !matches(sign(nonce.get()), presented)) {
                throw new CsrfRejectedException();
            }
        }
        String value = nonce.orElseGet(() -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String fresh = BASE64.encodeToString(bytes);
            // A day: a form left open longer than that needs a reload.
            SessionCookies.set(request, response, COOKIE, fresh, Duration.ofDays(1));
            return fresh;
        });
        request.setAttribute(ATTRIBUTE, sign(value));
        return true;
    }

    private String sign(String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return BASE64.encodeToString(mac.doFinal(nonce.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean matches(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** A state-changing request without a valid CSRF token; answered with 403. */
    public static final class CsrfRejectedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public CsrfRejectedException() {
            super("the form has expired or did not come from this site; reload the page and try again", null, false,
                    false);
        }
    }
}
