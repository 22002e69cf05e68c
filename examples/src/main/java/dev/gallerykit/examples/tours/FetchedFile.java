package dev.gallerykit.examples.tours;

import dev.gallerykit.spi.PresignedRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * What a plain HTTP client got from a presigned URL, as a browser would: status, content type, size,
 * and the picture's size when the bytes are a JPEG.
 *
 * @param width  0 unless the bytes decode as a JPEG
 */
record FetchedFile(int status, Optional<String> contentType, int bytes, boolean jpeg, int width, int height) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** GETs the URL with the headers it was signed with, and no credentials. */
    static FetchedFile get(PresignedRequest url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.uri()).timeout(Duration.ofSeconds(30)).GET();
        url.headers().forEach(request::header);
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            boolean jpeg = body.length > 3 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xd8
                    && (body[2] & 0xff) == 0xff;
            BufferedImage image = jpeg ? ImageIO.read(new ByteArrayInputStream(body)) : null;
            return new FetchedFile(response.statusCode(), response.headers().firstValue("Content-Type"), body.length,
                    jpeg && image != null, image == null ? 0 : image.getWidth(), image == null ? 0 : image.getHeight());
        } catch (IOException e) {
            throw new IllegalStateException("could not GET " + url.uri().getHost() + url.uri().getPath() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a presigned URL", e);
        }
    }

    @Override
    public String toString() {
        return "HTTP " + status + ", " + contentType.orElse("no content type") + ", " + bytes + " bytes"
                + (jpeg ? ", a JPEG of " + width + "x" + height : ", not a JPEG");
    }
}
