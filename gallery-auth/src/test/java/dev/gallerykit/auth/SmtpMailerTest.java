package dev.gallerykit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.local.LocalSmtp;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalSmtp.class)
@DisplayName("SmtpMailer")
class SmtpMailerTest {

    private final LocalSmtp.Server smtp;

    SmtpMailerTest(LocalSmtp.Server smtp) {
        this.smtp = smtp;
    }

    @Test
    @DisplayName("sends text with an HTML alternative, from the configured sender, with a UTF-8 subject")
    void multipart() throws Exception {
        String to = Harness.newEmail();
        SmtpMailer mailer = SmtpMailer.builder().host(smtp.host()).port(smtp.port()).security(SmtpMailer.Security.NONE)
                .from("Photos <no-reply@photos.example.test>").build();
        mailer.send(MailMessage.withHtml(to, "Grüße\r\nBcc: eve@example.test", "Hallo", "<p>Hallo</p>"));

        MimeMessage received = smtp.awaitMessages(to, 1, Duration.ofSeconds(10)).get(0);
        assertThat(received.getSubject()).isEqualTo("Grüße Bcc: eve@example.test");
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Photos");
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        assertThat(Harness.part(received, "text/plain")).isEqualTo("Hallo");
        assertThat(Harness.part(received, "text/html")).isEqualTo("<p>Hallo</p>");
    }

    @Test
    @DisplayName("sends over implicit TLS (SMTPS) with SMTP AUTH, as SES SMTP wants")
    void smtpsWithAuth() {
        Assumptions.assumeTrue(smtp.smtpsPort().isPresent(), "an external server has no known SMTPS port");
        String to = Harness.newEmail();
        SmtpMailer mailer = SmtpMailer.builder().host(smtp.host()).port(smtp.smtpsPort().getAsInt())
                .security(SmtpMailer.Security.SMTPS).trustedHosts(smtp.host())
                .credentials(LocalSmtp.USER, LocalSmtp.PASSWORD)
                .from("no-reply@photos.example.test").build();
        mailer.send(MailMessage.text(to, "over TLS", "hello"));
        assertThat(smtp.awaitMessages(to, 1, Duration.ofSeconds(10))).hasSize(1);
    }

    @Test
    @DisplayName("refused credentials are a MailDeliveryException that is not retryable")
    void wrongCredentials() {
        Assumptions.assumeTrue(smtp.smtpsPort().isPresent(), "an external server has no known SMTPS port");
        SmtpMailer mailer = SmtpMailer.builder().host(smtp.host()).port(smtp.smtpsPort().getAsInt())
                .security(SmtpMailer.Security.SMTPS).trustedHosts(smtp.host())
                .credentials(LocalSmtp.USER, "wrong").from("no-reply@photos.example.test").build();
        assertThatThrownBy(() -> mailer.send(MailMessage.text(Harness.newEmail(), "s", "t")))
                .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("refused the credentials");
    }

    @Test
    @DisplayName("a server that is not there is a retryable MailDeliveryException")
    void unreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmtpMailer mailer = SmtpMailer.builder().host("127.0.0.1").port(closedPort).security(SmtpMailer.Security.NONE)
                .from("no-reply@photos.example.test").connectTimeout(Duration.ofSeconds(2)).build();
        assertThatThrownBy(() -> mailer.send(MailMessage.text(Harness.newEmail(), "s", "t")))
                .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    @DisplayName("a malformed recipient is invalid input, and nothing is sent")
    void badRecipient() {
        SmtpMailer mailer = SmtpMailer.builder().host(smtp.host()).port(smtp.port()).security(SmtpMailer.Security.NONE)
                .from("no-reply@photos.example.test").build();
        assertThatThrownBy(() -> mailer.send(MailMessage.text("not an address", "s", "t")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    @DisplayName("build() names what is missing, and refuses credentials over plain text")
    void validation() {
        assertThatThrownBy(() -> SmtpMailer.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a host").hasMessageContaining("a sender");
        assertThatThrownBy(() -> SmtpMailer.builder().host("smtp.example.test").from("a@example.test")
                .security(SmtpMailer.Security.NONE).credentials("user", "secret").build())
                .hasMessageContaining("TLS to send credentials");
        assertThatThrownBy(() -> SmtpMailer.builder().host("smtp.example.test").from("not an address").build())
                .hasMessageContaining("a valid sender address");
        assertThatThrownBy(() -> SmtpMailer.builder().host("smtp.example.test").from("a@example.test").port(70000).build())
                .hasMessageContaining("a port between 1 and 65535");
    }

    @Test
    @DisplayName("the logging mailer sends nothing, and logs the recipient, subject and text at INFO")
    void logging() {
        String to = Harness.newEmail();
        String log = LogOutput.during(() -> new LoggingMailer().send(MailMessage.text(to, "Confirm your address",
                "Open https://photos.example.test/account/confirm-email?token=abc")));

        assertThat(log).contains("INFO dev.gallerykit.auth.LoggingMailer - Mail to " + to
                + "\nSubject: Confirm your address\n\nOpen https://photos.example.test/account/confirm-email?token=abc");
        assertThat(smtp.messagesFor(to)).isEmpty();
    }
}
