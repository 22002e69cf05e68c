package dev.gallerykit.testkit;

import dev.gallerykit.spi.PresignedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** {@link PresignedClient#overHttp()}: one shared HTTP client, as a browser keeps its connections. */
final class HttpPresignedClient implements PresignedClient {

    static final HttpPresignedClient INSTANCE = new HttpPresignedClient();

    /** java.net.http sets these itself and refuses them from a caller. */
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpPresignedClient() {
    }

    @Override
    public byte[] get(PresignedRequest request) {
        return send(request, HttpRequest.BodyPublishers.noBody());
    }

    @Override
    public void put(PresignedRequest request, byte[] body) {
        send(request, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private byte[] send(PresignedRequest request, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).method(request.method(), body);
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("presigned " + request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a presigned " + request.method(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("presigned " + request.method() + " refused with " + response.statusCode()
                    + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }
}
