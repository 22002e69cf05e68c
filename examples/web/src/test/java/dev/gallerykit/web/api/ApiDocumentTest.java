package dev.gallerykit.web.api;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The OpenAPI document describes exactly what the controllers map")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ApiTest.UPLOAD_LIMIT, ApiTest.MULTIPART_LIMIT})
class ApiDocumentTest {

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    @DisplayName("every documented path and method is mapped, and every mapped /api path and method is documented")
    void documentMatchesControllers() throws Exception {
        JsonNode document = document();
        assertThat(document.get("openapi").asString()).isEqualTo("3.1.0");
        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(operation -> OPERATIONS.contains(operation.getKey()))
                .forEach(operation -> documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));

        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    assertThat(info.getMethodsCondition().getMethods()).as("%s names its methods", pattern).isNotEmpty();
                    info.getMethodsCondition().getMethods().forEach(method -> mapped.add(method.name() + " " + pattern));
                }
            }
        }
        assertThat(mapped).isNotEmpty().isEqualTo(documented);
    }

    @Test
    @DisplayName("every operation has responses and every $ref points at a component that exists")
    void documentIsWhole() throws Exception {
        JsonNode document = document();
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(operation -> OPERATIONS.contains(operation.getKey()))
                .forEach(operation -> assertThat(operation.getValue().has("responses"))
                        .as("%s %s has responses", operation.getKey(), path.getKey()).isTrue()));
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(document.at(ref.substring(1)).isMissingNode()).as("%s exists", ref).isFalse();
        }
    }

    @Test
    @DisplayName("the document is served, as it is in the resources, at /api/v1/openapi.json")
    void documentIsServed() throws Exception {
        ApiClient.Response served = new ApiClient(port).get(OpenApiController.DOCUMENT, null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(served.json()).isEqualTo(document());
    }

    private static JsonNode document() throws Exception {
        try (InputStream in = OpenApiController.class.getResourceAsStream(OpenApiController.RESOURCE)) {
            assertThat(in).isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asString());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
