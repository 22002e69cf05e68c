package dev.gallerykit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.Principal;
import dev.gallerykit.auth.TokenRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens through the public {@link Accounts} calls that take them: each is accepted or refused with a
 * {@link TokenRejectedException}, nothing else. Seeds: tokens the fixture issued ({@code SeedFiles}).
 */
class TokenFuzzTest {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String NEW_PASSWORD = "a brand new fuzzed password";
    private static final Accounts ACCOUNTS = new AccountsFixture(message -> { }).accounts;

    /** The first byte picks the call, the rest is the token as a client sends it. */
    @FuzzTest(maxDuration = "30s")
    void present(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String token = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
        try {
            switch (input[0] & 3) {
                case 0 -> authenticate(token);
                case 1 -> ACCOUNTS.confirmEmail(token);
                case 2 -> ACCOUNTS.resetPassword(token, NEW_PASSWORD);
                default -> ACCOUNTS.refresh(token);
            }
        } catch (TokenRejectedException refused) {
            // the one allowed refusal
        }
    }

    /**
     * A header and a payload of the fuzzer's (split at the first NUL byte), signed with the service's own
     * secret: what only a holder of the key could send, and the only way past the signature to the header
     * and claim checks.
     */
    @FuzzTest(maxDuration = "30s")
    void signedParts(byte[] input) {
        int nul = indexOf(input, (byte) 0);
        byte[] header = nul < 0 ? input : Arrays.copyOfRange(input, 0, nul);
        byte[] payload = nul < 0 ? new byte[0] : Arrays.copyOfRange(input, nul + 1, input.length);
        String signingInput = BASE64URL.encodeToString(header) + "." + BASE64URL.encodeToString(payload);
        String token = signingInput + "." + BASE64URL.encodeToString(hmac(signingInput));
        try {
            authenticate(token);
        } catch (TokenRejectedException refused) {
            // the one allowed refusal
        }
        try {
            ACCOUNTS.confirmEmail(token);
        } catch (TokenRejectedException refused) {
            // the one allowed refusal
        }
    }

    private static void authenticate(String token) {
        Principal principal = ACCOUNTS.authenticate(token);
        assertEquals(AccountsFixture.ACTIVE.id(), principal.userId(), "only the active user can be authenticated");
    }

    private static byte[] hmac(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(AccountsFixture.SECRET, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
