package dev.gallerykit.web.pages;

import dev.gallerykit.LinkVisit;
import dev.gallerykit.web.session.SessionCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * A visit of a share link, kept between its pages: the ticket the link gave when it was opened and the
 * album's name then (the gallery answers it only on opening). Opening counts a view and may need the
 * password, so the pages open the link once a visit, not on every page.
 *
 * <p>The cookie is HttpOnly, sent only to the pages of its own link ({@code /s/<token>}), lives as long as
 * its ticket, and is signed, together with the token it belongs to, under a key only this process knows: a
 * cookie made elsewhere, or one of another link, is not taken (the link is opened again instead). The
 * password never goes into it: the ticket stands for it.
 */
@Component
class VisitCookie {

    static final String NAME = "GK_LINK";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    VisitCookie() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A visit of the link of {@code token}: its ticket, and the album's name when it was opened. */
    record Visit(String ticket, String albumName) {
    }

    Optional<Visit> read(HttpServletRequest request, String token) {
        Optional<String> value = SessionCookies.read(request, NAME);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = value.get().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String ticket = new String(DECODE.decode(parts[0]), StandardCharsets.UTF_8);
            String name = new String(DECODE.decode(parts[1]), StandardCharsets.UTF_8);
            byte[] presented = DECODE.decode(parts[2]);
            if (!MessageDigest.isEqual(sign(token, ticket, name), presented)) {
                return Optional.empty();
            }
            return Optional.of(new Visit(ticket, name));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** Keeps the visit the link just gave, until its ticket expires. */
    Visit write(HttpServletRequest request, HttpServletResponse response, String token, LinkVisit visit, Instant now) {
        String name = visit.album().name();
        String value = BASE64.encodeToString(visit.ticket().getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64.encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64.encodeToString(sign(token, visit.ticket(), name));
        SessionCookies.set(request, response, NAME, value, path(request, token),
                Duration.between(now, visit.ticketExpiresAt()));
        return new Visit(visit.ticket(), name);
    }

    void clear(HttpServletRequest request, HttpServletResponse response, String token) {
        SessionCookies.set(request, response, NAME, "", path(request, token), Duration.ZERO);
    }

    private static String path(HttpServletRequest request, String token) {
        return request.getContextPath() + "/s/" + token;
    }

    private byte[] sign(String token, String ticket, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // Lengths first: no two different triples sign the same bytes.
            for (String part : new String[] {token, ticket, name}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                mac.update((byte) ':');
                mac.update(bytes);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
