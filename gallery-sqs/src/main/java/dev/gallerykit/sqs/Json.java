package dev.gallerykit.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gallerykit.error.InvalidInputException;
import java.util.Optional;
import java.util.UUID;

/** What the job and event bodies share: one mapper, the version rule, and field readers that name what is wrong. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object(int version) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("version", version);
        return node;
    }

    static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always serializes.
            throw new IllegalStateException("could not write " + node, e);
        }
    }

    /**
     * The body as a JSON object of {@code version}.
     *
     * @throws InvalidInputException naming {@code body} when it is not a JSON object, {@code version}
     *         when its version is missing or another
     */
    static JsonNode read(String body, int version) {
        JsonNode node;
        try {
            node = body == null ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("body", "is not a JSON object");
        }
        JsonNode found = node.get("version");
        if (found == null || !found.isInt()) {
            throw new InvalidInputException("version", "is missing or not a whole number");
        }
        if (found.intValue() != version) {
            throw new InvalidInputException("version", "is " + found.intValue() + "; this version reads " + version);
        }
        return node;
    }

    static String text(JsonNode node, String field) {
        return optionalText(node, field).orElseThrow(() -> new InvalidInputException(field, "is missing"));
    }

    /** A text field; absent or null is empty. */
    static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(field, "is not a string");
        }
        return Optional.of(value.textValue());
    }

    static UUID uuid(JsonNode node, String field) {
        return parseUuid(field, text(node, field));
    }

    static Optional<UUID> optionalUuid(JsonNode node, String field) {
        return optionalText(node, field).map(text -> parseUuid(field, text));
    }

    private static UUID parseUuid(String field, String text) {
        try {
            UUID value = UUID.fromString(text);
            if (!value.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException(text);
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is not a UUID: " + text);
        }
    }

    static <E extends Enum<E>> E constant(JsonNode node, String field, Class<E> type) {
        String name = text(node, field);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is not one this version knows: " + name);
        }
    }
}
