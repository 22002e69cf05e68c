package dev.gallerykit.auth;

import java.time.Duration;
import java.util.Map;

/**
 * Composes the mails of {@link Accounts} from their templates: the link to the host's page with the
 * token, and how long it works. Each kind's lifetime is kept here, so that the token and the text
 * that announces it cannot disagree.
 */
final class AccountMails {

    private final MailTemplates templates;
    private final String appName;
    private final String confirmLink;
    private final String resetLink;
    private final Duration confirmationTtl;
    private final Duration resetTtl;

    /** @param links the base URL of the links, such as {@code https://photos.example.com/account} */
    AccountMails(MailTemplates templates, String appName, String links, Duration confirmationTtl, Duration resetTtl) {
        this.templates = templates;
        this.appName = appName;
        String base = links.replaceAll("/+$", "");
        this.confirmLink = base + "/confirm-email?token=";
        this.resetLink = base + "/reset-password?token=";
        this.confirmationTtl = confirmationTtl;
        this.resetTtl = resetTtl;
    }

    /** How long the link of a kind of mail works. */
    Duration lifetime(MailTemplates.Kind kind) {
        return kind == MailTemplates.Kind.RESET_PASSWORD ? resetTtl : confirmationTtl;
    }

    MailMessage compose(MailTemplates.Kind kind, String to, String displayName, String token) {
        String link = (kind == MailTemplates.Kind.RESET_PASSWORD ? resetLink : confirmLink) + token;
        return templates.render(kind, to, Map.of("appName", appName, "displayName", displayName, "email", to,
                "link", link, "validFor", describe(lifetime(kind))));
    }

    /** A lifetime as the mails say it: {@code 10 minutes}, {@code 1 hour}, {@code 7 days}. */
    static String describe(Duration duration) {
        long minutes = Math.max(1, duration.toMinutes());
        if (minutes % (60 * 24) == 0) {
            long days = minutes / (60 * 24);
            return days + (days == 1 ? " day" : " days");
        }
        if (minutes % 60 == 0) {
            long hours = minutes / 60;
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
