package dev.gallerykit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LinkSecretsTest {

    private final LinkSecrets secrets = new LinkSecrets(new SecureRandom(), 1_000);

    @Test
    @DisplayName("tokens are 256 bits of base64url, each new")
    void tokens() {
        String token = secrets.newToken();

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(secrets.newToken()).isNotEqualTo(token);
        assertThat(LinkSecrets.tokenHash(token)).hasSize(64).isEqualTo(LinkSecrets.tokenHash(token));
    }

    @Test
    @DisplayName("a password hash is salted, names its scheme and iterations, and matches only its password")
    void passwords() {
        String hash = secrets.hashPassword("correct horse");

        assertThat(hash).startsWith("pbkdf2-sha256$1000$").isNotEqualTo(secrets.hashPassword("correct horse"));
        assertThat(LinkSecrets.matches("correct horse", hash)).isTrue();
        assertThat(LinkSecrets.matches("correct horse ", hash)).isFalse();
        assertThat(LinkSecrets.matches("", hash)).isFalse();
    }

    @Test
    @DisplayName("a stored hash that was altered or cut, or too cheap, matches nothing and throws nothing")
    void damagedHashes() {
        String hash = secrets.hashPassword("pw");
        String[] parts = hash.split("\\$");

        assertThat(LinkSecrets.matches("pw", hash.substring(0, hash.length() - 2))).isFalse();
        assertThat(LinkSecrets.matches("pw", "bcrypt$" + hash)).isFalse();
        assertThat(LinkSecrets.matches("pw", parts[0] + "$999$" + parts[2] + "$" + parts[3])).as("too few iterations")
                .isFalse();
        assertThat(LinkSecrets.matches("pw", parts[0] + "$x$" + parts[2] + "$" + parts[3])).isFalse();
        assertThat(LinkSecrets.matches("pw", parts[0] + "$1000$!!$" + parts[3])).isFalse();
        assertThat(LinkSecrets.matches("pw", "")).isFalse();
    }
}
