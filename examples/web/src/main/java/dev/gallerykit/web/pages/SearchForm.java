package dev.gallerykit.web.pages;

import dev.gallerykit.domain.GeoBox;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.error.InvalidInputException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The search page's fields as typed (blank when left empty): text in the title or description, a tag,
 * a range of days taken (both ends included), and a place box given by its four edges in degrees.
 * Spring binds the query parameters of {@code /search} to it by name.
 */
record SearchForm(String text, String tag, String from, String to, String south, String west, String north,
                  String east) {

    SearchForm {
        text = strip(text);
        tag = strip(tag);
        from = strip(from);
        to = strip(to);
        south = strip(south);
        west = strip(west);
        north = strip(north);
        east = strip(east);
    }

    /** A form with only the box filled in, for "photos near here". */
    static SearchForm around(GeoBox box) {
        return new SearchForm("", "", "", "", number(box.south()), number(box.west()), number(box.north()),
                number(box.east()));
    }

    boolean isEmpty() {
        return Stream.of(text, tag, from, to, south, west, north, east).allMatch(String::isEmpty);
    }

    /**
     * The gallery's query; an unreadable date or number, a box with only some edges, or a range or box
     * the gallery refuses ends in an {@link InvalidInputException} that names the field.
     */
    PhotoQuery query() {
        PhotoQuery.Builder query = PhotoQuery.builder();
        if (!text.isEmpty()) {
            query.text(text);
        }
        if (!tag.isEmpty()) {
            query.tags(tag);
        }
        LocalDate first = from.isEmpty() ? null : day("from", from);
        LocalDate last = to.isEmpty() ? null : day("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new InvalidInputException("to", "is before from: the last day must not come before the first");
        }
        if (first != null) {
            query.takenFrom(first.atStartOfDay());
        }
        if (last != null) {
            // The last day counts whole: up to the midnight after it.
            query.takenTo(last.plusDays(1).atStartOfDay());
        }
        List<String> edges = List.of(south, west, north, east);
        if (edges.stream().anyMatch(e -> !e.isEmpty())) {
            if (edges.stream().anyMatch(String::isEmpty)) {
                throw new InvalidInputException("box", "needs all four edges: south, west, north and east");
            }
            query.box(new GeoBox(degrees("south", south), degrees("west", west), degrees("north", north),
                    degrees("east", east)));
        }
        return query.build();
    }

    /**
     * The link to this search, at its first page or at the page of {@code cursor}. Values are encoded as
     * a form would send them, so that a {@code +} in a text stays a plus and does not come back a space.
     */
    String link(Optional<String> cursor) {
        Map<String, String> parameters = fields();
        cursor.ifPresent(value -> parameters.put("cursor", value));
        return parameters.entrySet().stream()
                .filter(parameter -> !parameter.getValue().isEmpty())
                .map(parameter -> parameter.getKey() + "=" + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "/search?", ""));
    }

    /** What was searched for, in words, for the result line. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (!text.isEmpty()) {
            parts.add("with “" + text + "”");
        }
        if (!tag.isEmpty()) {
            parts.add("tagged " + tag);
        }
        if (!from.isEmpty() || !to.isEmpty()) {
            parts.add("taken " + (from.isEmpty() ? "until " + to : to.isEmpty() ? "from " + from : from + " to " + to));
        }
        if (!south.isEmpty()) {
            parts.add("taken in the box from " + south + ", " + west + " to " + north + ", " + east);
        }
        return String.join(", ", parts);
    }

    private Map<String, String> fields() {
        // An ordered map: links keep the fields in the form's order.
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("text", text);
        fields.put("tag", tag);
        fields.put("from", from);
        fields.put("to", to);
        fields.put("south", south);
        fields.put("west", west);
        fields.put("north", north);
        fields.put("east", east);
        return fields;
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2024-07-14, was " + value);
        }
    }

    private static double degrees(String field, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("box." + field, "must be a number of degrees such as 48.85, was " + value);
        }
    }

    private static String number(double degrees) {
        return String.format(Locale.ROOT, "%.4f", degrees);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
