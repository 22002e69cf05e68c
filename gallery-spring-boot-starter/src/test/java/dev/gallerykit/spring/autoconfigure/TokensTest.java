package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.AuthTokens;
import dev.gallerykit.auth.MailMessage;
import dev.gallerykit.auth.Mailer;
import dev.gallerykit.auth.TokenService;
import dev.gallerykit.domain.User;
import dev.gallerykit.spring.GalleryKitConfigurationException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("gallerykit.tokens")
class TokensTest {

    private static final String[] ALL_BUT_KEYS = {
            "gallerykit.tokens.issuer=https://photos.example.test", "gallerykit.tokens.audience=photos-test",
            "gallerykit.links-base-url=https://photos.example.test/account", "gallerykit.accounts.bcrypt-cost=10"};

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static ApplicationContextRunner withKeys(String privatePem, String publicPem) {
        return Contexts.starter().withPropertyValues(ALL_BUT_KEYS)
                .withPropertyValues("gallerykit.tokens.private-key=" + privatePem, "gallerykit.tokens.public-key=" + publicPem);
    }

    @Test
    @DisplayName("a PEM key pair signs ES256 access tokens that the accounts accept, and its public key is published")
    void keyPair() throws Exception {
        KeyPair keys = ecKeyPair();
        List<MailMessage> mails = new CopyOnWriteArrayList<>();
        withKeys(pem("PRIVATE KEY", keys.getPrivate().getEncoded()), pem("PUBLIC KEY", keys.getPublic().getEncoded()))
                .withBean(Mailer.class, () -> mails::add)
                .withPropertyValues("gallerykit.tokens.key-id=key-2026").run(context -> {
                    assertThat(context).hasNotFailed();
                    TokenService tokens = context.getBean(TokenService.class);
                    assertThat(tokens.algorithm()).isEqualTo("ES256");
                    assertThat(tokens.keyId()).contains("key-2026");
                    assertThat(tokens.jwksJson()).contains("\"kid\":\"key-2026\"");
                    Accounts accounts = context.getBean(Accounts.class);
                    String email = Contexts.newEmail();
                    User user = accounts.signUp(email, Contexts.PASSWORD, "Ann");
                    String link = mails.get(0).text().replaceAll("(?s).*confirm-email\\?token=([A-Za-z0-9._~%-]+).*", "$1");
                    accounts.confirmEmail(link);
                    AuthTokens signedIn = accounts.signIn(email, Contexts.PASSWORD);
                    String header = new String(Base64.getUrlDecoder().decode(signedIn.accessToken().split("\\.")[0]),
                            java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(header).contains("\"alg\":\"ES256\"");
                    assertThat(accounts.authenticate(signedIn.accessToken()).userId()).isEqualTo(user.id());
                });
    }

    @Test
    @DisplayName("a private key whose public key is missing names gallerykit.tokens.public-key")
    void publicKeyMissing() throws Exception {
        KeyPair keys = ecKeyPair();
        Contexts.starter().withPropertyValues(ALL_BUT_KEYS)
                .withPropertyValues("gallerykit.tokens.private-key=" + pem("PRIVATE KEY", keys.getPrivate().getEncoded()))
                .run(context -> assertThat(problems(context.getStartupFailure()))
                        .contains("gallerykit.tokens.public-key is required with gallerykit.tokens.private-key"));
    }

    @Test
    @DisplayName("keys of two different pairs are refused at start, not when the first token fails")
    void mismatchedPair() throws Exception {
        withKeys(pem("PRIVATE KEY", ecKeyPair().getPrivate().getEncoded()), pem("PUBLIC KEY", ecKeyPair().getPublic().getEncoded()))
                .run(context -> assertThat(problems(context.getStartupFailure()))
                        .contains("gallerykit.tokens.public-key is not the public key of gallerykit.tokens.private-key"));
    }

    @Test
    @DisplayName("text that is not PEM is refused with the property named")
    void notPem() {
        withKeys("not a key", "nor this").run(context -> assertThat(problems(context.getStartupFailure()))
                .contains("gallerykit.tokens.private-key must be PEM text", "gallerykit.tokens.public-key must be PEM text"));
    }

    @Test
    @DisplayName("an HMAC secret and a key pair together are refused")
    void both() throws Exception {
        KeyPair keys = ecKeyPair();
        withKeys(pem("PRIVATE KEY", keys.getPrivate().getEncoded()), pem("PUBLIC KEY", keys.getPublic().getEncoded()))
                .withPropertyValues("gallerykit.tokens.hmac-secret=" + Base64.getEncoder().encodeToString(new byte[32]))
                .run(context -> assertThat(problems(context.getStartupFailure()))
                        .contains("gallerykit.tokens.hmac-secret and gallerykit.tokens.private-key exclude each other"));
    }

    private static String problems(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof GalleryKitConfigurationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a GalleryKitConfigurationException in %s", failure).isNotNull();
        return cause.getMessage();
    }
}
