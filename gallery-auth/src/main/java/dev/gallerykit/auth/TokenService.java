package dev.gallerykit.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.gallerykit.auth.TokenRejectedException.Reason;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.InvalidInputException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs and verifies the JWTs of {@link Accounts}: access tokens, email-confirmation tokens and
 * password-reset tokens. One algorithm is pinned per service (HS256 by default, RS256 or ES256 with a
 * key pair); a token signed any other way, or unsigned, is refused. Every token carries and must
 * carry {@code iss}, {@code aud}, {@code sub}, {@code exp}, {@code iat}, {@code jti} and our
 * {@code purpose} claim. Thread-safe.
 *
 * <pre>{@code
 * TokenService tokens = TokenService.builder()
 *         .issuer("https://photos.example.com")
 *         .audience("photos-web")
 *         .hmacSecret(secret)                 // >= 32 random bytes, the same on every instance
 *         .build();
 * }</pre>
 *
 * An unsafe service cannot be built: no key, an HMAC secret under 256 bits, an RSA key under 2048
 * bits, an EC key off P-256, a private and a public key of two different pairs (checked by signing
 * once and verifying), or no issuer or audience all make {@link Builder#build()} fail.
 */
public final class TokenService {

    /** Smallest HMAC secret accepted: 256 bits, as RFC 7518 requires for HS256. */
    public static final int MIN_HMAC_SECRET_BYTES = 32;
    /** How far the clocks of issuer and verifier may disagree, unless {@link Builder#clockSkew} says otherwise. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    /** Longest token read; anything longer is refused unparsed. */
    static final int MAX_TOKEN_CHARS = 8 * 1024;

    static final String PURPOSE = "purpose";
    static final String EMAIL = "email";
    static final String BINDING = "bnd";
    static final String SESSION = "sid";
    private static final List<String> REGISTERED = List.of("iss", "aud", "sub", "exp", "iat", "jti", PURPOSE);

    private final JWSAlgorithm algorithm;
    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final String keyId;
    private final JWKSet publicKeys;
    private final String issuer;
    private final String audience;
    private final Duration clockSkew;

    private TokenService(JWSAlgorithm algorithm, JWSSigner signer, JWSVerifier verifier, String keyId,
                         JWKSet publicKeys, String issuer, String audience, Duration clockSkew) {
        this.algorithm = algorithm;
        this.signer = signer;
        this.verifier = verifier;
        this.keyId = keyId;
        this.publicKeys = publicKeys;
        this.issuer = issuer;
        this.audience = audience;
        this.clockSkew = clockSkew;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The pinned JWS algorithm: {@code HS256}, {@code RS256} or {@code ES256}. */
    public String algorithm() {
        return algorithm.getName();
    }

    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    /**
     * The public key as a JWK Set ({@code {"keys":[...]}}), for a host or gateway that verifies access
     * tokens elsewhere. Only for RS256 and ES256: an HMAC secret is never published.
     *
     * @throws IllegalStateException for an HS256 service
     */
    public String jwksJson() {
        if (publicKeys == null) {
            throw new IllegalStateException("an HS256 TokenService has no public key to publish; build it with signingKey(...) for a JWKS");
        }
        return publicKeys.toString(true);
    }

    String issue(Purpose purpose, UserId subject, Instant now, Duration ttl, Map<String, Object> claims) {
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim(PURPOSE, purpose.claim());
        claims.forEach(body::claim);
        JWSHeader header = new JWSHeader.Builder(algorithm)
                .keyID(keyId)
                .type(purpose == Purpose.ACCESS ? new JOSEObjectType("at+jwt") : JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, body.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a " + algorithm + " token", e);
        }
        return jwt.serialize();
    }

    /**
     * Checks everything, in an order that never trusts unauthenticated content: shape, algorithm,
     * key id and signature first, then the claims.
     */
    VerifiedToken verify(String token, Purpose purpose, Instant now, String... requiredClaims) {
        if (token == null || token.isBlank()) {
            throw new TokenRejectedException(Reason.MALFORMED, "no token given");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new TokenRejectedException(Reason.MALFORMED, "longer than " + MAX_TOKEN_CHARS + " characters");
        }
        SignedJWT jwt = parseSigned(token.strip());
        JWSAlgorithm got = jwt.getHeader().getAlgorithm();
        if (!algorithm.equals(got)) {
            throw new TokenRejectedException(Reason.WRONG_ALGORITHM, "expected " + algorithm + ", got " + got);
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid != null && !kid.equals(keyId)) {
            throw new TokenRejectedException(Reason.UNKNOWN_KEY, "'" + abbreviate(kid) + "'");
        }
        try {
            if (!jwt.verify(verifier)) {
                throw new TokenRejectedException(Reason.BAD_SIGNATURE);
            }
        } catch (JOSEException e) {
            throw new TokenRejectedException(Reason.BAD_SIGNATURE, e.getMessage());
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw new TokenRejectedException(Reason.MALFORMED, "unreadable claims");
        }
        requireClaims(claims, REGISTERED);
        if (!issuer.equals(claims.getIssuer())) {
            throw new TokenRejectedException(Reason.WRONG_ISSUER, "'" + abbreviate(claims.getIssuer()) + "'");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw new TokenRejectedException(Reason.WRONG_AUDIENCE, String.valueOf(claims.getAudience()));
        }
        Instant expiresAt = claims.getExpirationTime().toInstant();
        Instant issuedAt = claims.getIssueTime().toInstant();
        if (!now.minus(clockSkew).isBefore(expiresAt)) {
            throw new TokenRejectedException(Reason.EXPIRED, "at " + expiresAt);
        }
        if (issuedAt.isAfter(now.plus(clockSkew))) {
            throw new TokenRejectedException(Reason.NOT_YET_VALID, "issued at " + issuedAt);
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().isAfter(now.plus(clockSkew))) {
            throw new TokenRejectedException(Reason.NOT_YET_VALID, "not before " + notBefore.toInstant());
        }
        Object tokenPurpose = claims.getClaim(PURPOSE);
        if (!purpose.claim().equals(tokenPurpose)) {
            throw new TokenRejectedException(Reason.WRONG_PURPOSE, "expected '" + purpose.claim() + "'");
        }
        // Only now that the purpose is known do its own claims make sense to ask for.
        requireClaims(claims, List.of(requiredClaims));
        UserId subject;
        try {
            subject = UserId.parse(claims.getSubject());
        } catch (InvalidInputException e) {
            throw new TokenRejectedException(Reason.MALFORMED, "the subject is not a user id");
        }
        return new VerifiedToken(subject, claims.getJWTID(), issuedAt, expiresAt, claims.getClaims());
    }

    /**
     * The token as a JWS. Parsed as one straight away, so that its header is decoded and read once (a
     * {@code JWTParser} reads it to tell the kind of token, then the JWS parser reads it again); only a
     * token that is not a JWS is parsed again, to say what it is instead.
     */
    private SignedJWT parseSigned(String token) {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException | RuntimeException notAJws) {
            // Refused either way; what follows only names the reason.
        }
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new TokenRejectedException(Reason.MALFORMED, "not a compact JWT");
        } catch (RuntimeException e) {
            // Nimbus 10.5 meets a header that decodes to JSON null with a NullPointerException (a fuzzer
            // finding); whatever the parser throws on bytes nobody signed is a malformed token.
            throw new TokenRejectedException(Reason.MALFORMED, "unreadable header");
        }
        if (parsed instanceof PlainJWT) {
            throw new TokenRejectedException(Reason.UNSIGNED);
        }
        if (parsed instanceof EncryptedJWT || !(parsed instanceof SignedJWT jwt)) {
            throw new TokenRejectedException(Reason.WRONG_ALGORITHM, "expected a " + algorithm + " signature, got an encrypted token");
        }
        return jwt;
    }

    private static void requireClaims(JWTClaimsSet claims, List<String> names) {
        for (String name : names) {
            if (claims.getClaim(name) == null) {
                throw new TokenRejectedException(Reason.MISSING_CLAIM, "'" + name + "'");
            }
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }

    /** What a verified token says. */
    record VerifiedToken(UserId subject, String id, Instant issuedAt, Instant expiresAt, Map<String, Object> claims) {

        String text(String name) {
            Object value = claims.get(name);
            if (!(value instanceof String string)) {
                throw new TokenRejectedException(Reason.MALFORMED, "claim '" + name + "' is not a string");
            }
            return string;
        }
    }

    /** Collects the key and the claims every token must carry; {@link #build()} refuses unsafe settings. */
    public static final class Builder {
        private byte[] hmacSecret;
        private KeyPair keyPair;
        private String keyId;
        private String issuer;
        private String audience;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;

        private Builder() {
        }

        /** Signs with HS256 and this secret: at least {@value #MIN_HMAC_SECRET_BYTES} random bytes. */
        public Builder hmacSecret(byte[] value) {
            hmacSecret = value == null ? null : value.clone();
            return this;
        }

        /**
         * Signs with RS256 (an RSA pair of at least 2048 bits) or ES256 (an EC pair on P-256), and
         * publishes the public key through {@link TokenService#jwksJson()}. Both keys must be of one
         * pair: {@link #build()} signs once and verifies to check.
         */
        public Builder signingKey(KeyPair value) {
            keyPair = value;
            return this;
        }

        /**
         * The {@code kid} header. For key pairs it defaults to the RFC 7638 thumbprint of the public
         * key; for HMAC secrets there is none unless given.
         */
        public Builder keyId(String value) {
            keyId = value;
            return this;
        }

        /** The {@code iss} claim issued and required, such as {@code https://photos.example.com}. */
        public Builder issuer(String value) {
            issuer = value;
            return this;
        }

        /** The {@code aud} claim issued and required, such as {@code photos-web}. */
        public Builder audience(String value) {
            audience = value;
            return this;
        }

        /** Allowance for clocks that disagree, applied to {@code exp}, {@code iat} and {@code nbf}; 0 to 5 minutes. */
        public Builder clockSkew(Duration value) {
            clockSkew = value;
            return this;
        }

        public TokenService build() {
            List<String> problems = new ArrayList<>();
            if (hmacSecret == null && keyPair == null) {
                problems.add("a key: call hmacSecret(...) with at least " + MIN_HMAC_SECRET_BYTES
                        + " random bytes, or signingKey(...) with an RSA or EC P-256 key pair");
            }
            if (hmacSecret != null && keyPair != null) {
                problems.add("one key, not both an HMAC secret and a key pair");
            }
            if (hmacSecret != null && hmacSecret.length < MIN_HMAC_SECRET_BYTES) {
                problems.add("an HMAC secret of at least 256 bits (" + MIN_HMAC_SECRET_BYTES + " bytes); it had "
                        + hmacSecret.length * 8 + " bits");
            }
            if (issuer == null || issuer.isBlank()) {
                problems.add("an issuer: call issuer(...)");
            }
            if (audience == null || audience.isBlank()) {
                problems.add("an audience: call audience(...)");
            }
            if (keyId != null && keyId.isBlank()) {
                problems.add("a non-blank key id, or none");
            }
            if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
                problems.add("a clock skew between 0 and 5 minutes (it was " + clockSkew + ")");
            }
            if (problems.isEmpty() && keyPair != null) {
                problems.addAll(checkKeyPair(keyPair));
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("TokenService needs " + String.join("; ", problems));
            }
            try {
                return hmacSecret != null ? hmac() : asymmetric();
            } catch (JOSEException e) {
                throw new IllegalStateException("TokenService could not use the key: " + e.getMessage(), e);
            }
        }

        private TokenService hmac() throws JOSEException {
            return new TokenService(JWSAlgorithm.HS256, new MACSigner(hmacSecret), new MACVerifier(hmacSecret),
                    keyId, null, issuer.strip(), audience.strip(), clockSkew);
        }

        private TokenService asymmetric() throws JOSEException {
            JWK jwk;
            JWSAlgorithm algorithm;
            JWSSigner signer;
            JWSVerifier verifier;
            if (keyPair.getPublic() instanceof RSAPublicKey rsa) {
                algorithm = JWSAlgorithm.RS256;
                jwk = new RSAKey.Builder(rsa).keyUse(KeyUse.SIGNATURE).algorithm(algorithm).build();
                signer = new RSASSASigner(keyPair.getPrivate());
                verifier = new RSASSAVerifier(rsa);
            } else {
                ECPublicKey ec = (ECPublicKey) keyPair.getPublic();
                algorithm = JWSAlgorithm.ES256;
                jwk = new ECKey.Builder(Curve.P_256, ec).keyUse(KeyUse.SIGNATURE).algorithm(algorithm).build();
                signer = new ECDSASigner((ECPrivateKey) keyPair.getPrivate());
                verifier = new ECDSAVerifier(ec);
            }
            requireOnePair(algorithm, signer, verifier);
            String kid = keyId != null ? keyId : jwk.computeThumbprint().toString();
            JWK published = jwk instanceof RSAKey rsaKey
                    ? new RSAKey.Builder(rsaKey).keyID(kid).build()
                    : new ECKey.Builder((ECKey) jwk).keyID(kid).build();
            return new TokenService(algorithm, signer, verifier, kid, new JWKSet(published), issuer.strip(),
                    audience.strip(), clockSkew);
        }

        /**
         * A private key of one pair and a public key of another would sign tokens that nobody, this
         * service included, can verify: sign once and verify, so that such a service is never built.
         */
        private static void requireOnePair(JWSAlgorithm algorithm, JWSSigner signer, JWSVerifier verifier)
                throws JOSEException {
            JWSObject probe = new JWSObject(new JWSHeader(algorithm), new Payload("gallerykit key pair check"));
            probe.sign(signer);
            if (!probe.verify(verifier)) {
                throw new IllegalStateException("TokenService needs a key pair whose public key verifies what its "
                        + "private key signs; these two keys are from different pairs");
            }
        }

        private static List<String> checkKeyPair(KeyPair pair) {
            if (pair.getPublic() == null || pair.getPrivate() == null) {
                return List.of("a key pair with both its public and private key");
            }
            if (pair.getPublic() instanceof RSAPublicKey rsa) {
                if (!(pair.getPrivate() instanceof RSAPrivateKey)) {
                    return List.of("an RSA private key to go with the RSA public key");
                }
                int bits = rsa.getModulus().bitLength();
                return bits < 2048 ? List.of("an RSA key of at least 2048 bits (it had " + bits + ")") : List.of();
            }
            if (pair.getPublic() instanceof ECPublicKey ec) {
                if (!(pair.getPrivate() instanceof ECPrivateKey)) {
                    return List.of("an EC private key to go with the EC public key");
                }
                Curve curve = Curve.forECParameterSpec(ec.getParams());
                return Curve.P_256.equals(curve) ? List.of()
                        : List.of("an EC key on P-256 for ES256 (it was on " + (curve == null ? "an unknown curve" : curve) + ")");
            }
            return List.of("an RSA or EC key pair (it was " + Objects.toString(pair.getPublic().getAlgorithm()) + ")");
        }
    }
}
