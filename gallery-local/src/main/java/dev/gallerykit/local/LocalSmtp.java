package dev.gallerykit.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real SMTP server: GreenMail on random loopback ports (SMTP, SMTPS with a self-signed
 * certificate, and IMAP). As a JUnit 5 extension it starts once per test JVM and is shared by every
 * test class that uses it; tests take a {@link Server} as a constructor or method parameter:
 *
 * <pre>{@code
 * @ExtendWith(LocalSmtp.class)
 * class MailerTest {
 *     MailerTest(LocalSmtp.Server smtp) { this.smtp = smtp; }
 *     ... smtp.host(), smtp.port(), smtp.awaitMessages("ann@example.test", 1, Duration.ofSeconds(10)) ...
 * }
 * }</pre>
 *
 * Outside JUnit, {@link #start()} starts a server of the caller's own, which the caller closes.
 *
 * <p>Under JUnit, against an external server instead: set {@value #HOST_VARIABLE} and {@value #PORT_VARIABLE}
 * (its SMTP port) and {@value #IMAP_PORT_VARIABLE}. Received mail is then read over IMAP, logging in
 * as the recipient with the recipient as password, which is what a standalone GreenMail
 * ({@code greenmail-standalone}) does for the mailboxes it creates. No SMTPS port is known then.
 *
 * <p>Each test should send to addresses of its own (random local parts), since the server is shared.
 */
public final class LocalSmtp implements BeforeAllCallback, ParameterResolver {

    public static final String HOST_VARIABLE = "GALLERYKIT_SMTP_HOST";
    public static final String PORT_VARIABLE = "GALLERYKIT_SMTP_PORT";
    public static final String IMAP_PORT_VARIABLE = "GALLERYKIT_IMAP_PORT";

    /** An account the embedded server knows, for SMTP AUTH tests. */
    public static final String USER = "gallerykit";
    public static final String PASSWORD = "gallerykit-secret";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalSmtp.class);

    /** A running mail server and what it received. Closing stops a server started here. */
    public interface Server extends LocalService {

        String host();

        /** Plain SMTP. */
        int port();

        /** Implicit-TLS SMTP with a self-signed certificate; empty for an external server. */
        OptionalInt smtpsPort();

        /** IMAP, where each recipient's mailbox can be read. */
        int imapPort();

        /** Messages received so far for this recipient (compared ignoring case). */
        List<MimeMessage> messagesFor(String recipient);

        /**
         * Waits until at least {@code count} messages arrived for the recipient, and returns them.
         *
         * @throws AssertionError when they did not arrive within {@code timeout}
         */
        List<MimeMessage> awaitMessages(String recipient, int count, Duration timeout);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Server.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    /** The shared server, started on first use. */
    public static Server server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Server.class, key -> connectOrStart(System.getenv()), Server.class);
    }

    /**
     * Starts GreenMail in this JVM for a caller who closes it; environment variables play no part.
     * It knows one account, {@value #USER} with password {@value #PASSWORD}, for SMTP AUTH.
     */
    public static Server start() {
        return Embedded.start();
    }

    static Server connectOrStart(Map<String, String> env) {
        String host = env.get(HOST_VARIABLE);
        if (host != null && !host.isBlank()) {
            return new External(host.strip(), Integer.parseInt(required(env, PORT_VARIABLE)),
                    Integer.parseInt(required(env, IMAP_PORT_VARIABLE)));
        }
        return Embedded.start();
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(HOST_VARIABLE + " is set, so " + name + " must be set too");
        }
        return value.strip();
    }

    private static boolean addressedTo(Message message, String recipient) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to)
                    .anyMatch(a -> a instanceof InternetAddress ia && ia.getAddress().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException("could not read the recipients of a received message", e);
        }
    }

    /** GreenMail in this JVM. Under JUnit, closed when the root context closes, at the end of the run. */
    private static final class Embedded implements Server {
        private static final String LOOPBACK = "127.0.0.1";
        private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
        private final GreenMail greenMail;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Embedded(GreenMail greenMail) {
            this.greenMail = greenMail;
        }

        static Embedded start() {
            GreenMail greenMail = new GreenMail(new ServerSetup[] {
                    setup(ServerSetup.PROTOCOL_SMTP), setup(ServerSetup.PROTOCOL_SMTPS), setup(ServerSetup.PROTOCOL_IMAP)})
                    .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer@gallerykit.test", USER, PASSWORD));
            greenMail.start();
            return new Embedded(greenMail);
        }

        private static ServerSetup setup(String protocol) {
            ServerSetup setup = new ServerSetup(0, LOOPBACK, protocol).dynamicPort();
            // GreenMail waits 2 s by default; SMTPS builds its TLS context first, which takes longer
            // than that on a busy 2-core CI machine.
            setup.setServerStartupTimeout(STARTUP_TIMEOUT.toMillis());
            return setup;
        }

        @Override
        public String host() {
            return LOOPBACK;
        }

        @Override
        public int port() {
            return greenMail.getSmtp().getPort();
        }

        @Override
        public OptionalInt smtpsPort() {
            return OptionalInt.of(greenMail.getSmtps().getPort());
        }

        @Override
        public int imapPort() {
            return greenMail.getImap().getPort();
        }

        @Override
        public Map<String, String> connectionDetails() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("host", host());
            details.put("smtpPort", String.valueOf(port()));
            details.put("smtpsPort", smtpsPort().getAsInt() + " (self-signed certificate)");
            details.put("imapPort", imapPort() + " (log in as the recipient, the recipient as password)");
            details.put("user", USER);
            details.put("password", PASSWORD);
            return details;
        }

        @Override
        public List<MimeMessage> messagesFor(String recipient) {
            return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> addressedTo(m, recipient)).toList();
        }

        @Override
        public List<MimeMessage> awaitMessages(String recipient, int count, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<MimeMessage> received = messagesFor(recipient);
            while (received.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " message(s) for " + recipient + " within " + timeout
                            + ", got " + received.size());
                }
                // Wakes up on the next delivery to anyone; then we look again for ours.
                greenMail.waitForIncomingEmail(Math.max(1, left / 1_000_000), greenMail.getReceivedMessages().length + 1);
                received = messagesFor(recipient);
            }
            return received;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                greenMail.stop();
            }
        }
    }

    /** A server elsewhere: send over SMTP, read each recipient's inbox over IMAP. */
    private record External(String host, int port, int imapPort) implements Server {

        @Override
        public OptionalInt smtpsPort() {
            return OptionalInt.empty();
        }

        @Override
        public Map<String, String> connectionDetails() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("host", host);
            details.put("smtpPort", String.valueOf(port));
            details.put("imapPort", String.valueOf(imapPort));
            return details;
        }

        @Override
        public void close() {
            // Not ours to stop.
        }

        @Override
        public List<MimeMessage> messagesFor(String recipient) {
            Properties props = new Properties();
            props.put("mail.imap.connectiontimeout", "10000");
            props.put("mail.imap.timeout", "10000");
            String login = recipient.toLowerCase(Locale.ROOT);
            try (Store store = Session.getInstance(props).getStore("imap")) {
                store.connect(host, imapPort, login, login);
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    List<MimeMessage> copies = new ArrayList<>();
                    for (Message message : inbox.getMessages()) {
                        copies.add(new MimeMessage((MimeMessage) message));
                    }
                    return copies;
                } finally {
                    inbox.close(false);
                }
            } catch (jakarta.mail.AuthenticationFailedException e) {
                return List.of(); // no mailbox yet: nothing was delivered to this address
            } catch (MessagingException e) {
                throw new IllegalStateException("could not read the mailbox of " + recipient + " over IMAP at " + host + ":" + imapPort, e);
            }
        }

        @Override
        public List<MimeMessage> awaitMessages(String recipient, int count, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<MimeMessage> received = messagesFor(recipient);
            while (received.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("expected " + count + " message(s) for " + recipient + " within " + timeout
                            + ", got " + received.size());
                }
                try {
                    // An external server has no delivery callback: poll its mailbox.
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for mail", e);
                }
                received = messagesFor(recipient);
            }
            return received;
        }
    }
}
