package dev.gallerykit.web.api;

import dev.gallerykit.local.LocalCloud;
import dev.gallerykit.web.local.DevMailbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** An API client over java.net.http, as a third-party client would be: JSON in and out, bearer tokens. */
final class ApiClient {

    static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response with its body as text; {@link #json()} parses it. */
    record Response(int status, Map<String, List<String>> headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    Response post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Response postRaw(String path, String token, String contentType, String body) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response patch(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** A multipart/form-data POST with one {@code file} part and plain fields. */
    Response upload(String path, String token, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "gk-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Any request to an absolute URL (presigned ones), answering the body's bytes. */
    HttpResponse<byte[]> absolute(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Signs up through the page form, as a person would, confirms with the link of the mail GreenMail
     * received, and signs in through the API: the access token.
     */
    String signUpAndSignIn(String email, DevMailbox mailbox, LocalCloud cloud) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = text(browser, HttpRequest.newBuilder(URI.create(base + "/signup")).GET().build()).body();
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).as("the sign-up form carries a CSRF field").isTrue();
        String fields = "_csrf=" + encode(csrf.group(1)) + "&email=" + encode(email) + "&displayName=Api&password="
                + encode(PASSWORD);
        HttpResponse<String> signedUp = text(browser, HttpRequest.newBuilder(URI.create(base + "/signup"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build());
        assertThat(signedUp.statusCode()).as("sign-up answered").isLessThan(400);
        String link = confirmationLink(email, mailbox, cloud);
        assertThat(text(browser, HttpRequest.newBuilder(URI.create(link)).GET().build()).statusCode()).isEqualTo(200);
        Response tokens = post("/api/v1/tokens", null, Map.of("email", email, "password", PASSWORD));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return tokens.json().get("accessToken").asString();
    }

    /** Signs in through the page form, as a browser does: the session cookies it set, as a Cookie header. */
    String pageSessionCookies(String email) {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        Matcher csrf = CSRF.matcher(text(browser, HttpRequest.newBuilder(URI.create(base + "/signin")).GET().build()).body());
        assertThat(csrf.find()).as("the sign-in form carries a CSRF field").isTrue();
        String fields = "_csrf=" + encode(csrf.group(1)) + "&email=" + encode(email) + "&password=" + encode(PASSWORD);
        text(browser, HttpRequest.newBuilder(URI.create(base + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build());
        String header = cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("");
        assertThat(header).as("signed in: the session cookie is set").contains("GK_ACCESS=");
        return header;
    }

    Response getWithCookies(String path, String cookies) {
        return send(request(path, null).header("Cookie", cookies).GET());
    }

    private static String confirmationLink(String email, DevMailbox mailbox, LocalCloud cloud) {
        // The mail goes out in the background: look again until it is there (bounded, not timed).
        for (int attempt = 0; attempt < 200; attempt++) {
            Optional<String> link = mailbox.mails(cloud.smtp()).stream().filter(mail -> mail.to().equals(email))
                    .flatMap(mail -> mail.body().stream()).filter(DevMailbox.Segment::link).map(DevMailbox.Segment::text)
                    .filter(text -> text.contains("/account/confirm-email?token=")).findFirst();
            if (link.isPresent()) {
                return link.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("no confirmation mail for " + email);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest.Builder request) {
        HttpResponse<String> response = text(http, request.build());
        return new Response(response.statusCode(), response.headers().map(), response.body());
    }

    private static HttpResponse<String> text(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
