package dev.gallerykit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Passwords")
class PasswordsTest {

    private static final PasswordHasher HASHER = PasswordHasher.withCost(10);

    @Nested
    @DisplayName("hashing")
    class Hashing {

        @Test
        @DisplayName("the default cost is 12")
        void defaultCost() {
            PasswordHasher defaults = PasswordHasher.defaults();
            assertThat(defaults.cost()).isEqualTo(12);
            assertThat(defaults.hash("correct horse battery staple")).startsWith("$2b$12$");
            assertThat(defaults.maxConcurrentHashes()).isEqualTo(Runtime.getRuntime().availableProcessors());
        }

        @Test
        @DisplayName("a cost under 10 is refused")
        void minimumCost() {
            assertThatThrownBy(() -> PasswordHasher.withCost(9)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("between 10 and 18");
        }

        @Test
        @DisplayName("a hash verifies its password only, salted anew each time")
        void verify() {
            String hash = HASHER.hash("correct horse battery staple");
            assertThat(HASHER.matches("correct horse battery staple", hash)).isTrue();
            assertThat(HASHER.matches("correct horse battery stapl", hash)).isFalse();
            assertThat(HASHER.hash("correct horse battery staple")).isNotEqualTo(hash);
            assertThat(HASHER.matches("anything", "not a bcrypt hash")).isFalse();
        }

        @Test
        @DisplayName("passwords over 72 UTF-8 bytes are pre-hashed, so characters after the 72nd still count")
        void longPasswords() {
            String prefix = "é".repeat(36); // 72 bytes
            assertThat(prefix.getBytes(StandardCharsets.UTF_8)).hasSize(72);
            String a = prefix + "a";
            String b = prefix + "b";
            String hash = HASHER.hash(a);
            assertThat(HASHER.matches(a, hash)).isTrue();
            assertThat(HASHER.matches(b, hash)).isFalse();
            assertThat(PasswordHasher.bcryptInput(prefix)).hasSize(72);
            assertThat(PasswordHasher.bcryptInput(a)).hasSize(44);
            assertThat(HASHER.matches(prefix, HASHER.hash(prefix))).isTrue();
        }

        @Test
        @DisplayName("the same characters typed in another Unicode form match (NFKC)")
        void normalised() {
            String composed = "caf\u00e9 au lait!";
            String decomposed = "cafe\u0301 au lait!";
            assertThat(HASHER.matches(decomposed, HASHER.hash(composed))).isTrue();
        }

        @Test
        @DisplayName("a hash of another cost needs a rehash")
        void needsRehash() {
            String hash = HASHER.hash("correct horse battery staple");
            assertThat(HASHER.needsRehash(hash)).isFalse();
            assertThat(PasswordHasher.withCost(11).needsRehash(hash)).isTrue();
            assertThat(HASHER.verify("correct horse battery staple", hash).needsRehash()).isFalse();
        }
    }

    @Nested
    @DisplayName("policy (NIST 800-63B)")
    class Policy {

        private final PasswordPolicy policy = PasswordPolicy.defaults();

        @Test
        @DisplayName("at least 8 characters, counted as code points; no composition rules")
        void length() {
            assertThatThrownBy(() -> policy.check("1234567", "ann@example.test"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("password");
                        assertThat(e.reason()).contains("at least 8");
                    });
            policy.check("aaaaaaaa", "ann@example.test");
            policy.check("\uD83D\uDE00".repeat(8), "ann@example.test");
            assertThatThrownBy(() -> policy.check("\uD83D\uDE00".repeat(7), "ann@example.test")).hasMessageContaining("it has 7");
        }

        @Test
        @DisplayName("at most 256 characters")
        void maximum() {
            policy.check("x".repeat(256), "ann@example.test");
            assertThatThrownBy(() -> policy.check("x".repeat(257), "ann@example.test")).hasMessageContaining("at most 256");
        }

        @Test
        @DisplayName("input longer than four chars per allowed character is refused on its raw length, before normalising")
        void rawLength() {
            assertThat(policy.maxInputChars()).isEqualTo(1024);
            // U+FDFA is one char that NFKC turns into 18: counted after normalisation it would be 18 times longer.
            assertThatThrownBy(() -> policy.check("\uFDFA".repeat(4 * 1024 * 1024), "ann@example.test"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.reason())
                            .contains("at most 256").contains("4194304 UTF-16 units before normalisation"));
            policy.check("\uD83D\uDE00".repeat(256), "ann@example.test");
        }

        @Test
        @DisplayName("not the email address, nor its local part, in any case")
        void notEmail() {
            assertThatThrownBy(() -> policy.check("Annabelle@Example.test", "annabelle@example.test"))
                    .hasMessageContaining("must not be the email");
            assertThatThrownBy(() -> policy.check("ANNABELLE", "annabelle@example.test"))
                    .hasMessageContaining("must not be the email");
        }

        @Test
        @DisplayName("not in the breached-password list the host plugs in")
        void breached() {
            PasswordPolicy checked = PasswordPolicy.builder()
                    .breachedPasswords(BreachedPasswords.of(List.of("password1", "iloveyou"))).build();
            assertThatThrownBy(() -> checked.check("password1", "ann@example.test")).hasMessageContaining("breached");
            checked.check("password2", "ann@example.test");
        }

        @Test
        @DisplayName("a policy weaker than NIST's floor cannot be built")
        void floor() {
            assertThatThrownBy(() -> PasswordPolicy.builder().minLength(6).build()).hasMessageContaining("at least 8");
            assertThatThrownBy(() -> PasswordPolicy.builder().maxLength(32).build()).hasMessageContaining("maxLength");
        }
    }
}
