package dev.gallerykit.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of the account mails, as {@code {{placeholder}}} templates read from the class path:
 * for each kind a {@code .txt} file whose first line is {@code Subject: ...}, then a blank line and
 * the text body, and an {@code .html} file with the HTML body. Values are inserted as they are into
 * the text and subject, HTML-escaped into the HTML. Placeholders: {@code appName},
 * {@code displayName}, {@code email}, {@code link}, {@code validFor}.
 *
 * <p>The defaults live in {@code dev/gallerykit/auth/mail/}; a host that wants its own wording puts
 * files with the same names ({@code confirm-email}, {@code change-email}, {@code reset-password})
 * in a folder of its own and calls {@link #fromClasspath(String)}.
 */
public final class MailTemplates {

    /** The kinds of mail {@link Accounts} sends. */
    enum Kind {
        CONFIRM_EMAIL("confirm-email"),
        CHANGE_EMAIL("change-email"),
        RESET_PASSWORD("reset-password");

        private final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");
    private static final String SUBJECT_PREFIX = "Subject:";

    private final Map<Kind, Template> templates;

    private MailTemplates(Map<Kind, Template> templates) {
        this.templates = templates;
    }

    public static MailTemplates defaults() {
        return fromClasspath("dev/gallerykit/auth/mail");
    }

    /**
     * Reads the templates from a class-path folder, such as {@code "mail/accounts"}; fails at once if
     * one is missing or malformed.
     */
    public static MailTemplates fromClasspath(String folder) {
        String base = folder.replaceAll("^/+|/+$", "");
        Map<Kind, Template> loaded = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            String textFile = base + "/" + kind.fileName + ".txt";
            String text = read(textFile).replace("\r\n", "\n");
            String html = read(base + "/" + kind.fileName + ".html");
            int end = text.indexOf('\n');
            if (!text.startsWith(SUBJECT_PREFIX) || end < 0) {
                throw new IllegalArgumentException(textFile + " must start with a 'Subject: ...' line");
            }
            String subject = text.substring(SUBJECT_PREFIX.length(), end).strip();
            String body = text.substring(end + 1).replaceFirst("^\n", "");
            loaded.put(kind, new Template(subject, body, html));
        }
        return new MailTemplates(loaded);
    }

    MailMessage render(Kind kind, String to, Map<String, String> values) {
        Template template = templates.get(kind);
        return MailMessage.withHtml(to,
                fill(template.subject(), values, false),
                fill(template.text(), values, false),
                fill(template.html(), values, true));
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("mail template uses an unknown placeholder {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(html ? escapeHtml(value) : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String read(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        if (in == null) {
            in = MailTemplates.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalArgumentException("mail template " + resource + " is not on the class path");
        }
        try (InputStream stream = in) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read mail template " + resource, e);
        }
    }

    private record Template(String subject, String text, String html) {
    }
}
