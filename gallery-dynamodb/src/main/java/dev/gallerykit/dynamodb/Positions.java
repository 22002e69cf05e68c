package dev.gallerykit.dynamodb;

import dev.gallerykit.error.InvalidInputException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@code LastEvaluatedKey} as the position string of a {@code Slice}: {@code name=value&...},
 * URL-encoded, names sorted. Every key attribute of ours is a string. The gallery signs the
 * position into its cursor; we still check it names exactly the expected keys and the caller's
 * own partition, because a repository may be called directly.
 */
final class Positions {

    private Positions() {
    }

    static String encode(Map<String, AttributeValue> key) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(key).forEach((name, value) -> {
            if (!text.isEmpty()) {
                text.append('&');
            }
            text.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value.s(), StandardCharsets.UTF_8));
        });
        return text.toString();
    }

    /**
     * @param names the key attributes the position must have, no more and no fewer
     * @param fixed attributes whose value must be exactly this (the partition being queried)
     */
    static Map<String, AttributeValue> decode(String position, List<String> names, Map<String, String> fixed) {
        Map<String, AttributeValue> key = new HashMap<>();
        for (String pair : position.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw refused();
            }
            String name;
            String value;
            try {
                name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
                value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw refused();
            }
            if (value.isEmpty() || key.put(name, AttributeValue.fromS(value)) != null) {
                throw refused();
            }
        }
        if (!key.keySet().equals(Set.copyOf(names))) {
            throw refused();
        }
        fixed.forEach((name, value) -> {
            if (!value.equals(key.get(name).s())) {
                throw refused();
            }
        });
        return key;
    }

    private static InvalidInputException refused() {
        return new InvalidInputException("cursor", "is not a position this store handed out");
    }
}
