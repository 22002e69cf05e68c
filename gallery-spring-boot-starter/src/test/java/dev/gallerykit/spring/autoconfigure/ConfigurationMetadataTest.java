package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.spring.GalleryKitProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("the configuration metadata for IDE completion")
class ConfigurationMetadataTest {

    private static String metadata() throws IOException {
        try (InputStream in = GalleryKitProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json in the jar").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("lists the properties with their defaults")
    void listsProperties() throws IOException {
        String json = metadata();
        assertThat(json).contains("\"gallerykit.tokens.hmac-secret\"", "\"gallerykit.jdbc.migrate\"",
                "\"gallerykit.s3.encryption\"", "\"gallerykit.dynamodb.table-prefix\"", "\"gallerykit.mail.from\"",
                "\"gallerykit.upload.max-bytes\"", "\"defaultValue\": \"gallerykit-\"",
                "\"gallerykit.processing.queue\"", "\"gallerykit.sqs.queue-name\"", "\"gallerykit.sqs.events-queue\"");
    }

    @Test
    @DisplayName("describes every property")
    void describesEveryProperty() throws IOException {
        String json = metadata();
        String properties = json.substring(json.indexOf("\"properties\""));
        Matcher entries = Pattern.compile("\\{[^{}]*\"name\": \"(gallerykit\\.[^\"]+)\"[^{}]*\\}").matcher(properties);
        int count = 0;
        while (entries.find()) {
            count++;
            assertThat(entries.group()).as(entries.group(1)).contains("\"description\"");
        }
        assertThat(count).isGreaterThan(40);
    }
}
