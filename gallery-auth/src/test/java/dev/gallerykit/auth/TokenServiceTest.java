package dev.gallerykit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.gallerykit.auth.TokenRejectedException.Reason;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.AuthenticationFailedException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("TokenService")
class TokenServiceTest {

    private static final String ISSUER = "https://photos.example.test";
    private static final String AUDIENCE = "photos-web";
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final UserId ANN = UserId.of(UUID.fromString("0190c2a0-0000-7000-8000-000000000001"));
    private static final KeyPair RSA = keyPair("RSA", 2048);

    private final byte[] secret = Harness.randomBytes(32);
    private final TokenService hs256 = TokenService.builder().issuer(ISSUER).audience(AUDIENCE).hmacSecret(secret).build();

    @Nested
    @DisplayName("cannot be built unsafe")
    class Building {

        @Test
        @DisplayName("without a key, issuer or audience, build() names everything missing")
        void nothing() {
            assertThatThrownBy(() -> TokenService.builder().build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a key: call hmacSecret(...)")
                    .hasMessageContaining("an issuer")
                    .hasMessageContaining("an audience");
        }

        @Test
        @DisplayName("an HMAC secret shorter than 256 bits is refused")
        void shortSecret() {
            assertThatThrownBy(() -> TokenService.builder().issuer(ISSUER).audience(AUDIENCE).hmacSecret(new byte[31]).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("at least 256 bits").hasMessageContaining("it had 248 bits");
        }

        @Test
        @DisplayName("an RSA key under 2048 bits and an EC key off P-256 are refused")
        void weakKeys() {
            assertThatThrownBy(() -> TokenService.builder().issuer(ISSUER).audience(AUDIENCE).signingKey(keyPair("RSA", 1024)).build())
                    .hasMessageContaining("at least 2048 bits");
            assertThatThrownBy(() -> TokenService.builder().issuer(ISSUER).audience(AUDIENCE).signingKey(ecKeyPair("secp384r1")).build())
                    .hasMessageContaining("P-256");
        }

        @Test
        @DisplayName("a private key and a public key of two different pairs are refused, RSA and EC alike")
        void mismatchedKeyPair() {
            KeyPair otherRsa = keyPair("RSA", 2048);
            KeyPair ec = ecKeyPair("secp256r1");
            KeyPair otherEc = ecKeyPair("secp256r1");

            for (KeyPair mixed : List.of(new KeyPair(RSA.getPublic(), otherRsa.getPrivate()),
                    new KeyPair(ec.getPublic(), otherEc.getPrivate()))) {
                assertThatThrownBy(() -> TokenService.builder().issuer(ISSUER).audience(AUDIENCE).signingKey(mixed).build())
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("a key pair whose public key verifies what its private key signs");
            }
            assertThat(TokenService.builder().issuer(ISSUER).audience(AUDIENCE).signingKey(otherEc).build().algorithm())
                    .isEqualTo("ES256");
        }

        @Test
        @DisplayName("a clock skew over 5 minutes is refused; the default is named")
        void skew() {
            assertThat(hs256.clockSkew()).isEqualTo(TokenService.DEFAULT_CLOCK_SKEW).isEqualTo(Duration.ofSeconds(30));
            assertThatThrownBy(() -> TokenService.builder().issuer(ISSUER).audience(AUDIENCE).hmacSecret(secret)
                    .clockSkew(Duration.ofMinutes(6)).build()).hasMessageContaining("clock skew");
        }

        @Test
        @DisplayName("an HMAC service publishes no JWKS")
        void noJwksForHmac() {
            assertThat(hs256.algorithm()).isEqualTo("HS256");
            assertThatThrownBy(hs256::jwksJson).isInstanceOf(IllegalStateException.class).hasMessageContaining("HS256");
        }
    }

    @Nested
    @DisplayName("issues tokens that it accepts")
    class RoundTrip {

        @Test
        @DisplayName("an HS256 token carries every required claim and verifies")
        void hmac() throws Exception {
            String token = hs256.issue(Purpose.ACCESS, ANN, NOW, Duration.ofMinutes(5), Map.of("email", "ann@example.test"));
            var verified = hs256.verify(token, Purpose.ACCESS, NOW.plusSeconds(299), "email");
            assertThat(verified.subject()).isEqualTo(ANN);
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            assertThat(claims.getIssuer()).isEqualTo(ISSUER);
            assertThat(claims.getAudience()).containsExactly(AUDIENCE);
            assertThat(claims.getJWTID()).isNotBlank();
            assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
            assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(300));
            assertThat(claims.getClaim("purpose")).isEqualTo("access");
        }

        @Test
        @DisplayName("an RS256 token names its kid, and the JWKS holds that public key only")
        void rsa() throws Exception {
            TokenService rs256 = TokenService.builder().issuer(ISSUER).audience(AUDIENCE).signingKey(RSA).keyId("2026-03").build();
            String token = rs256.issue(Purpose.ACCESS, ANN, NOW, Duration.ofMinutes(5), Map.of());
            assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo("2026-03");
            assertThat(rs256.verify(token, Purpose.ACCESS, NOW).subject()).isEqualTo(ANN);

            JWKSet jwks = JWKSet.parse(rs256.jwksJson());
            assertThat(jwks.getKeys()).hasSize(1);
            RSAKey published = (RSAKey) jwks.getKeyByKeyId("2026-03");
            assertThat(published.isPrivate()).isFalse();
            assertThat(published.getAlgorithm().getName()).isEqualTo("RS256");
            assertThat(SignedJWT.parse(token).verify(new com.nimbusds.jose.crypto.RSASSAVerifier(published))).isTrue();
        }

        @Test
        @DisplayName("an ES256 service defaults its kid to the key's thumbprint")
        void ec() throws Exception {
            TokenService es256 = TokenService.builder().issuer(ISSUER).audience(AUDIENCE).signingKey(ecKeyPair("secp256r1")).build();
            assertThat(es256.algorithm()).isEqualTo("ES256");
            String token = es256.issue(Purpose.ACCESS, ANN, NOW, Duration.ofMinutes(5), Map.of());
            String kid = SignedJWT.parse(token).getHeader().getKeyID();
            assertThat(kid).isNotBlank().isEqualTo(JWKSet.parse(es256.jwksJson()).getKeys().get(0).getKeyID());
            assertThat(es256.verify(token, Purpose.ACCESS, NOW).subject()).isEqualTo(ANN);
        }

        @Test
        @DisplayName("a token just past its expiry still passes within the clock-skew allowance")
        void skewAllowance() {
            String token = hs256.issue(Purpose.ACCESS, ANN, NOW, Duration.ofMinutes(5), Map.of());
            assertThat(hs256.verify(token, Purpose.ACCESS, NOW.plusSeconds(300 + 29)).subject()).isEqualTo(ANN);
        }
    }

    @Nested
    @DisplayName("rejects, naming the reason")
    class Rejects {

        @Test
        @DisplayName("an expired token")
        void expired() {
            String token = hs256.issue(Purpose.ACCESS, ANN, NOW, Duration.ofMinutes(5), Map.of());
            assertRejected(() -> hs256.verify(token, Purpose.ACCESS, NOW.plusSeconds(300 + 30)), Reason.EXPIRED);
        }

        @Test
        @DisplayName("a tampered payload")
        void tampered() {
            String token = hs256.issue(Purpose.ACCESS, ANN, NOW, Duration.ofMinutes(5), Map.of("email", "ann@example.test"));
            String[] parts = token.split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
            String forged = payload.replace("ann@example.test", "eve@example.test");
            String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "." + parts[2];
            assertRejected(() -> hs256.verify(tampered, Purpose.ACCESS, NOW), Reason.BAD_SIGNATURE);
        }

        @Test
        @DisplayName("a token signed with another secret")
        void otherSecret() {
            TokenService other = TokenService.builder().issuer(ISSUER).audience(AUDIENCE).hmacSecret(Harness.randomBytes(32)).build();
            String token = other.issue(Purpose.ACCESS, ANN, NOW, Duration.ofMinutes(5), Map.of());
            assertRejected(() -> hs256.verify(token, Purpose.ACCESS, NOW), Reason.BAD_SIGNATURE);
        }

        @Test
        @DisplayName("a token made for another purpose")
        void wrongPurpose() {
            String reset = hs256.issue(Purpose.RESET_PASSWORD, ANN, NOW, Duration.ofHours(1), Map.of());
            assertRejected(() -> hs256.verify(reset, Purpose.ACCESS, NOW), Reason.WRONG_PURPOSE);
        }

        @Test
        @DisplayName("an unsigned token (alg: none)")
        void unsigned() {
            String token = new PlainJWT(validClaims(c -> c)).serialize();
            assertRejected(() -> hs256.verify(token, Purpose.ACCESS, NOW), Reason.UNSIGNED);
        }

        @Test
        @DisplayName("an HS256 token whose HMAC key is the RS256 service's public key (algorithm confusion)")
        void rsPublicKeyAsHmacSecret() throws JOSEException {
            TokenService rs256 = TokenService.builder().issuer(ISSUER).audience(AUDIENCE).signingKey(RSA).build();
            // The attacker knows the public key (it is in the JWKS) and signs with it as an HMAC secret.
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(rs256.keyId().orElseThrow()).build(),
                    validClaims(c -> c));
            forged.sign(new MACSigner(RSA.getPublic().getEncoded()));
            assertRejected(() -> rs256.verify(forged.serialize(), Purpose.ACCESS, NOW), Reason.WRONG_ALGORITHM);
        }

        @Test
        @DisplayName("an RS256 token presented to an HS256 service")
        void rsaToHmac() throws JOSEException {
            SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), validClaims(c -> c));
            token.sign(new RSASSASigner(RSA.getPrivate()));
            assertRejected(() -> hs256.verify(token.serialize(), Purpose.ACCESS, NOW), Reason.WRONG_ALGORITHM);
        }

        @Test
        @DisplayName("a token of another issuer")
        void wrongIssuer() {
            String token = signed(c -> c.issuer("https://evil.example"));
            assertRejected(() -> hs256.verify(token, Purpose.ACCESS, NOW), Reason.WRONG_ISSUER);
        }

        @Test
        @DisplayName("a token for another audience")
        void wrongAudience() {
            String token = signed(c -> c.audience("another-app"));
            assertRejected(() -> hs256.verify(token, Purpose.ACCESS, NOW), Reason.WRONG_AUDIENCE);
        }

        @Test
        @DisplayName("a token issued in the future, beyond the clock skew")
        void futureIssuedAt() {
            String token = signed(c -> c.issueTime(Date.from(NOW.plusSeconds(31))).expirationTime(Date.from(NOW.plusSeconds(600))));
            assertRejected(() -> hs256.verify(token, Purpose.ACCESS, NOW), Reason.NOT_YET_VALID);
        }

        @Test
        @DisplayName("a token without jti")
        void missingJti() {
            String token = signed(c -> c.jwtID(null));
            assertThatThrownBy(() -> hs256.verify(token, Purpose.ACCESS, NOW))
                    .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_CLAIM))
                    .hasMessageContaining("'jti'");
        }

        @Test
        @DisplayName("a token without exp, or without sub")
        void missingExpOrSub() {
            assertRejected(() -> hs256.verify(signed(c -> c.expirationTime(null)), Purpose.ACCESS, NOW), Reason.MISSING_CLAIM);
            assertRejected(() -> hs256.verify(signed(c -> c.subject(null)), Purpose.ACCESS, NOW), Reason.MISSING_CLAIM);
        }

        @Test
        @DisplayName("a token naming a key id the service does not have")
        void unknownKid() throws JOSEException {
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("old-key").build(), validClaims(c -> c));
            token.sign(new MACSigner(secret));
            assertRejected(() -> hs256.verify(token.serialize(), Purpose.ACCESS, NOW), Reason.UNKNOWN_KEY);
        }

        @Test
        @DisplayName("garbage, and an absurdly long token, unparsed")
        void malformed() {
            assertRejected(() -> hs256.verify("not.a.jwt", Purpose.ACCESS, NOW), Reason.MALFORMED);
            assertRejected(() -> hs256.verify("x".repeat(TokenService.MAX_TOKEN_CHARS + 1), Purpose.ACCESS, NOW), Reason.MALFORMED);
            assertRejected(() -> hs256.verify(null, Purpose.ACCESS, NOW), Reason.MALFORMED);
        }

        @Test
        @DisplayName("a header that decodes to JSON null, which the JWT parser meets with a NullPointerException (found by the token fuzzer)")
        void headerOfJsonNull() {
            String nullHeader = Base64.getUrlEncoder().withoutPadding().encodeToString("null".getBytes(StandardCharsets.UTF_8));
            assertRejected(() -> hs256.verify(nullHeader + ".e30.c2ln", Purpose.ACCESS, NOW), Reason.MALFORMED);
            assertRejected(() -> hs256.verify("\0bnVs(bN.", Purpose.ACCESS, NOW), Reason.MALFORMED);
        }

        @Test
        @DisplayName("every rejection is an AuthenticationFailedException")
        void ourException() {
            assertThatThrownBy(() -> hs256.verify("nope", Purpose.ACCESS, NOW)).isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageStartingWith("token is malformed");
        }
    }

    private JWTClaimsSet validClaims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(ANN.toString())
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString()).claim("purpose", "access")).build();
    }

    /** Correctly signed with the service's own secret, so only the claims can be at fault. */
    private String signed(UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), validClaims(change));
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TokenRejectedException.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }

    private static KeyPair keyPair(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
