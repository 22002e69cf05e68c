package dev.gallerykit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.PresignedRequest;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Presigned requests made as a client without credentials would, through the contract's
 * {@link BlobStoreContract#fetch} and {@link BlobStoreContract#upload}: what they give, and that an
 * altered one is refused.
 */
abstract class BlobPresignContract extends BlobStoreCase {

    @Test
    @DisplayName("a presigned GET gives the object's bytes to a client without credentials")
    void presignedGetReturnsTheBytes() {
        byte[] content = bytes(5000, 18);
        put(key("shared.jpg"), content, "image/jpeg");

        PresignedRequest request = store.presignGet(key("shared.jpg"), TTL, Optional.empty());

        assertThat(request.method()).isEqualTo("GET");
        assertThat(fetch(request)).isEqualTo(content);
    }

    @Test
    @DisplayName("a presigned GET with a content disposition gives the bytes too")
    void presignedGetWithAContentDispositionReturnsTheBytes() {
        byte[] content = bytes(300, 19);
        put(key("download.jpg"), content, "image/jpeg");

        PresignedRequest request = store.presignGet(key("download.jpg"), TTL,
                Optional.of("attachment; filename=\"holiday.jpg\""));

        assertThat(fetch(request)).isEqualTo(content);
    }

    @Test
    @DisplayName("a presigned GET altered to point at another key is refused")
    void aTamperedPresignedGetIsRefused() {
        put(key("secret-a.jpg"), bytes(100, 20), "image/jpeg");
        put(key("secret-b.jpg"), bytes(100, 21), "image/jpeg");
        PresignedRequest genuine = store.presignGet(key("secret-a.jpg"), TTL, Optional.empty());
        URI altered = URI.create(genuine.uri().toString().replace("secret-a", "secret-b"));
        assertThat(altered).isNotEqualTo(genuine.uri());

        PresignedRequest tampered = new PresignedRequest(genuine.method(), altered, genuine.headers(),
                genuine.expiresAt());

        assertThatThrownBy(() -> fetch(tampered)).isInstanceOf(RuntimeException.class);
    }

    @Test
    @DisplayName("a presigned PUT stores the object with the signed type")
    void presignedPutStoresTheObject() {
        byte[] content = bytes(4321, 22);

        PresignedRequest request = store.presignPut(key("direct.jpg"), "image/jpeg", content.length, TTL);
        upload(request, content);

        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.headers()).hasEntrySatisfying(contentTypeHeader(request), value ->
                assertThat(value).isEqualTo("image/jpeg"));
        assertThat(read(key("direct.jpg"))).isEqualTo(content);
        assertThat(store.head(key("direct.jpg")).map(BlobInfo::contentType)).contains("image/jpeg");
    }

    private String contentTypeHeader(PresignedRequest request) {
        return request.headers().keySet().stream().filter(name -> name.equalsIgnoreCase("Content-Type"))
                .findFirst().orElseThrow(() -> new AssertionError("no Content-Type header in " + request));
    }
}
