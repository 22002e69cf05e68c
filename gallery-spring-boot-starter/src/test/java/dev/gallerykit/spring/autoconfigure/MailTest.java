package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.LoggingMailer;
import dev.gallerykit.auth.Mailer;
import dev.gallerykit.auth.SmtpMailer;
import dev.gallerykit.local.LocalSmtp;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("the account mails")
@ExtendWith(LocalSmtp.class)
class MailTest {

    private final LocalSmtp.Server smtp;

    MailTest(LocalSmtp.Server smtp) {
        this.smtp = smtp;
    }

    private ApplicationContextRunner withSpringMail() {
        return Contexts.withAccounts().withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
                .withPropertyValues("spring.mail.host=" + smtp.host(), "spring.mail.port=" + smtp.port());
    }

    @Test
    @DisplayName("over SMTP from gallerykit.mail.*: the confirmation mail of a sign-up arrives at the server")
    void smtp() {
        Contexts.withAccounts().withPropertyValues("gallerykit.mail.host=" + smtp.host(),
                "gallerykit.mail.port=" + smtp.port(), "gallerykit.mail.security=none",
                "gallerykit.mail.from=Photos <photos@example.test>", "gallerykit.app-name=Holiday Photos")
                .run(context -> {
                    assertThat(context.getBean(Mailer.class)).isInstanceOf(SmtpMailer.class);
                    MimeMessage mail = signUpAndReceive(context);
                    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("photos@example.test");
                    assertThat(mail.getSubject()).contains("Holiday Photos");
                });
    }

    @Test
    @DisplayName("through Spring's JavaMailSender when there is one and no gallerykit.mail.host")
    void javaMailSender() {
        withSpringMail().withPropertyValues("gallerykit.mail.from=spring@example.test").run(context -> {
            assertThat(context.getBean(Mailer.class)).isInstanceOf(JavaMailSenderMailer.class);
            MimeMessage mail = signUpAndReceive(context);
            assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("spring@example.test");
        });
    }

    @Test
    @DisplayName("gallerykit.mail.host wins over Spring's JavaMailSender")
    void ownSmtpWins() {
        withSpringMail().withPropertyValues("gallerykit.mail.host=" + smtp.host(), "gallerykit.mail.port=" + smtp.port(),
                "gallerykit.mail.security=none", "gallerykit.mail.from=photos@example.test").run(context ->
                        assertThat(context.getBean(Mailer.class)).isInstanceOf(SmtpMailer.class));
    }

    @Test
    @DisplayName("gallerykit.mail.host without a sender names gallerykit.mail.from")
    void fromMissing() {
        Contexts.withAccounts().withPropertyValues("gallerykit.mail.host=" + smtp.host()).run(context -> {
            assertThat(context).hasFailed();
            assertThat(new GalleryKitFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
                    .contains("gallerykit.mail.from is required with gallerykit.mail.host");
        });
    }

    @Test
    @DisplayName("with neither, the mails are only logged")
    void logged() {
        Contexts.withAccounts().run(context ->
                assertThat(context.getBean(Mailer.class)).isInstanceOf(LoggingMailer.class));
    }

    private MimeMessage signUpAndReceive(ApplicationContext context) throws Exception {
        String email = Contexts.newEmail();
        context.getBean(Accounts.class).signUp(email, Contexts.PASSWORD, "Ann");
        List<MimeMessage> received = smtp.awaitMessages(email, 1, Duration.ofSeconds(20));
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        String raw = new String(StreamUtils.copyToByteArray(mail.getRawInputStream()), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(decodedText(mail, raw)).contains("https://photos.example.test/account/confirm-email?token=");
        return mail;
    }

    /** The text of the mail, whatever its transfer encoding, as one string to search. */
    private static String decodedText(MimeMessage mail, String raw) throws Exception {
        Object content = mail.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            collect(multipart, all);
            return all.toString();
        }
        return raw;
    }

    private static void collect(jakarta.mail.Multipart multipart, StringBuilder all) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Object part = multipart.getBodyPart(i).getContent();
            if (part instanceof String text) {
                all.append(text);
            } else if (part instanceof jakarta.mail.Multipart nested) {
                collect(nested, all);
            }
        }
    }
}
