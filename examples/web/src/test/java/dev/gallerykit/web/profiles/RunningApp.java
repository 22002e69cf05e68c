package dev.gallerykit.web.profiles;

import dev.gallerykit.auth.Accounts;
import dev.gallerykit.local.LocalSmtp;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.web.WebApplication;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole web app, started as {@code java -jar} would start it: on the given profiles, with a port
 * of its own and the given environment variables. A JVM cannot change its own environment, so they
 * come in a property source of the environment's kind, which Spring reads the same way (the
 * {@code GALLERYKIT_S3_BUCKET} style names bind to {@code gallerykit.s3.bucket}), ahead of the real
 * one. What a user does with the app goes over HTTP, as a client of the JSON API would.
 */
final class RunningApp implements AutoCloseable {

    static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://\\S+/account/confirm-email\\?token=\\S+");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Spring maps GALLERYKIT_S3_BUCKET to gallerykit.s3.bucket only in sources named like the environment. */
    private static final String ENVIRONMENT = "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

    private final ConfigurableApplicationContext context;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningApp(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.base = "http://localhost:" + port;
    }

    /** Starts the app on {@code profiles} (comma-separated) with these environment variables. */
    static RunningApp start(String profiles, Map<String, String> environment) {
        int port = freePort();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WebApplication.class)
                .initializers(starting -> starting.getEnvironment().getPropertySources().addBefore(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(ENVIRONMENT, Map.copyOf(environment))))
                .run("--spring.profiles.active=" + profiles, "--server.port=" + port);
        return new RunningApp(context, port);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Signs up through the accounts, confirms with the link of the mail {@code smtp} received (opened over
     * HTTP, as a person would click it) and signs in through the API: the access token.
     */
    String signUpAndSignIn(String email, LocalSmtp.Server smtp) {
        bean(Accounts.class).signUp(email, PASSWORD, "Profiles");
        List<MimeMessage> mails = smtp.awaitMessages(email, 1, Duration.ofSeconds(30));
        Matcher link = CONFIRM_LINK.matcher(text(mails.get(0)));
        assertThat(link.find()).as("the mail carries a confirmation link").isTrue();
        assertThat(link.group()).startsWith(base + "/account/");
        assertThat(send(HttpRequest.newBuilder(URI.create(link.group())).GET()).statusCode()).isEqualTo(200);
        JsonNode tokens = json(200, post("/api/v1/tokens", null, Map.of("email", email, "password", PASSWORD)));
        return tokens.get("accessToken").asString();
    }

    /** Creates an album through the API: its id. */
    String createAlbum(String token, String name) {
        return json(201, post("/api/v1/albums", token, Map.of("name", name))).get("id").asString();
    }

    /** Uploads a photo into the album through the API (multipart): its id. */
    String upload(String token, String album, Fixture photo) {
        String boundary = "gk-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + photo.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(photo.bytes());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(api("/api/v1/albums/" + album + "/photos", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        return json(201, response).get("id").asString();
    }

    @Override
    public void close() {
        context.close();
    }

    private HttpResponse<String> post(String path, String token, Object body) {
        return send(api(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpRequest.Builder api(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static JsonNode json(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The plain text of a mail, decoded from whatever transfer encoding it was sent in. */
    private static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return String.valueOf(part.getContent());
            }
            StringBuilder text = new StringBuilder();
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    text.append(text(body));
                }
            }
            return text.toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
