package dev.gallerykit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.memory.InMemorySessionRepository;
import dev.gallerykit.memory.InMemoryUserRepository;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Accounts.builder()")
class AccountsBuilderTest {

    @Test
    @DisplayName("names every missing adapter and setting")
    void missing() {
        assertThatThrownBy(() -> Accounts.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Accounts needs")
                .hasMessageContaining("a Gallery")
                .hasMessageContaining("a UserRepository")
                .hasMessageContaining("a SessionRepository")
                .hasMessageContaining("a Mailer")
                .hasMessageContaining("a TokenService")
                .hasMessageContaining("the base URL of the mailed links");
    }

    @Test
    @DisplayName("refuses a link base that is not an absolute http(s) URL, and silly lifetimes")
    void badSettings() {
        assertThatThrownBy(() -> Accounts.builder().users(new InMemoryUserRepository()).sessions(new InMemorySessionRepository())
                .links("ftp://example.test").confirmationTtl(Duration.ZERO).build())
                .hasMessageContaining("absolute http(s) base URL")
                .hasMessageContaining("confirmationTtl");
    }

    @Test
    @DisplayName("refuses a pending-account lifetime shorter than the confirmation link's")
    void pendingAccountsOutliveTheirLinks() {
        assertThatThrownBy(() -> Accounts.builder().users(new InMemoryUserRepository()).sessions(new InMemorySessionRepository())
                .links("https://example.test").confirmationTtl(Duration.ofHours(2)).pendingAccountTtl(Duration.ofHours(1))
                .build())
                .hasMessageContaining("pendingAccountTtl at least as long as the confirmationTtl (PT2H)");
    }

    @Test
    @DisplayName("defaults: access tokens 5 minutes, confirmation 10 minutes, reset 1 hour, lock-out after 5 failures")
    void defaults() {
        assertThat(Accounts.DEFAULT_ACCESS_TOKEN_TTL).isEqualTo(Duration.ofMinutes(5));
        assertThat(Accounts.DEFAULT_CONFIRMATION_TTL).isEqualTo(Duration.ofMinutes(10));
        assertThat(Accounts.DEFAULT_RESET_TTL).isEqualTo(Duration.ofHours(1));
        assertThat(Accounts.DEFAULT_PENDING_ACCOUNT_TTL).isEqualTo(Duration.ofDays(7));
        assertThat(Accounts.LOCKOUT_THRESHOLD).isEqualTo(5);
        assertThat(AccountMails.describe(Duration.ofMinutes(10))).isEqualTo("10 minutes");
        assertThat(AccountMails.describe(Duration.ofHours(1))).isEqualTo("1 hour");
    }

    @Test
    @DisplayName("mail templates escape HTML in values and refuse unknown placeholders")
    void templates() {
        MailTemplates templates = MailTemplates.defaults();
        MailMessage mail = templates.render(MailTemplates.Kind.RESET_PASSWORD, "ann@example.test", Map.of(
                "appName", "Photos", "displayName", "<script>alert(1)</script>", "email", "ann@example.test",
                "link", "https://x.test/reset-password?token=a&b", "validFor", "1 hour"));
        assertThat(mail.html().orElseThrow()).contains("&lt;script&gt;").doesNotContain("<script>")
                .contains("href=\"https://x.test/reset-password?token=a&amp;b\"");
        assertThat(mail.text()).contains("<script>alert(1)</script>");
        assertThatThrownBy(() -> templates.render(MailTemplates.Kind.RESET_PASSWORD, "a@b.test", Map.of()))
                .hasMessageContaining("unknown placeholder");
    }
}
