package dev.gallerykit.benchmarks;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.AuthTokens;
import dev.gallerykit.auth.Principal;
import dev.gallerykit.auth.TokenService;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.domain.UserStatus;
import dev.gallerykit.memory.InMemorySessionRepository;
import dev.gallerykit.memory.InMemoryUserRepository;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two calls of accounts that an app makes most, on in-memory stores, each against the hand-written
 * Nimbus or bcrypt call it wraps.
 *
 * <p><b>Authenticating a request</b> ({@link Tokens}, per algorithm): {@code gallerykitAuthenticate} is
 * {@link Accounts#authenticate}, which verifies the access token and then reads its user by id to refuse a
 * deleted or disabled account (one {@code findById} on the in-memory store). {@code rawAuthenticate} does
 * the same by hand: {@code SignedJWT.parse}, the algorithm and key id pinned, {@code verify} with a verifier
 * built once for the same key, the same claim checks (the registered claims and {@code email} present,
 * issuer, audience, expiry, issue time and not-before with the same clock skew, {@code purpose} =
 * {@code access}) and the same read of the user. {@code rawVerifyOnly} is the Nimbus part alone, without
 * the user read, which the library's public API has no way to skip; it shows what that read costs.
 *
 * <p><b>Signing in</b> ({@link SignIn}): {@code gallerykitSignIn} is {@link Accounts#signIn} of a confirmed
 * user: the email look-up, the attempt counted and then cleared (two reads and two conditional writes of
 * the user), bcrypt verification at the library's default cost, a new refresh session stored, and an HS256
 * access token signed. {@code rawSignIn}, its baseline, is one {@code BCrypt.verifyer().verify} of the same password
 * against the same hash, of the same cost. A successful sign-in clears its own failure count, so signing the
 * same user in over and over never locks it.
 *
 * <p>Both modes by default: throughput (ops/us for tokens, ops/s for sign-ins) and average time.
 */
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AccountsBenchmark {

    /** The claims {@code TokenService} requires in every access token. */
    private static final List<String> REQUIRED_CLAIMS = List.of("iss", "aud", "sub", "exp", "iat", "jti", "purpose",
            "email");

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Principal gallerykitAuthenticate(Tokens tokens) {
        return tokens.accounts.authenticate(tokens.accessToken);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Principal rawAuthenticate(Tokens tokens) throws ParseException, JOSEException {
        JWTClaimsSet claims = tokens.verifyByHand();
        User user = tokens.users.findById(UserId.parse(claims.getSubject()))
                .filter(found -> found.status() == UserStatus.ACTIVE)
                .orElseThrow(() -> new IllegalStateException("the account is gone"));
        return new Principal(user.id(), user.email(), claims.getExpirationTime().toInstant());
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public JWTClaimsSet rawVerifyOnly(Tokens tokens) throws ParseException, JOSEException {
        return tokens.verifyByHand();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public AuthTokens gallerykitSignIn(SignIn signIn) {
        return signIn.accounts.signIn(signIn.email, AccountsFixture.PASSWORD);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public BCrypt.Result rawSignIn(SignIn signIn) {
        BCrypt.Result result = BCrypt.verifyer().verify(AccountsFixture.PASSWORD.toCharArray(), signIn.hash);
        if (!result.verified) {
            throw new IllegalStateException("the password does not match its hash");
        }
        return result;
    }

    /** One signed-in user's access token, from a service pinned to {@link #alg}, and a verifier of the same key. */
    @State(Scope.Benchmark)
    public static class Tokens {

        @Param({"HS256", "RS256", "ES256"})
        public String alg;

        InMemoryUserRepository users;
        Accounts accounts;
        String accessToken;
        private JWSAlgorithm algorithm;
        private JWSVerifier verifier;
        private String keyId;
        private Duration clockSkew;
        private final Clock clock = Clock.systemUTC();

        @Setup(Level.Trial)
        public void signIn() throws GeneralSecurityException, JOSEException {
            TokenService tokens;
            switch (alg) {
                case "HS256" -> {
                    byte[] secret = AccountsFixture.randomSecret();
                    tokens = AccountsFixture.hmacTokens(secret);
                    verifier = new MACVerifier(secret);
                }
                case "RS256" -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                    KeyPair pair = generator.generateKeyPair();
                    tokens = keyPairTokens(pair);
                    verifier = new RSASSAVerifier((RSAPublicKey) pair.getPublic());
                }
                case "ES256" -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                    KeyPair pair = generator.generateKeyPair();
                    tokens = keyPairTokens(pair);
                    verifier = new ECDSAVerifier((ECPublicKey) pair.getPublic());
                }
                default -> throw new IllegalArgumentException("no such algorithm: " + alg);
            }
            algorithm = JWSAlgorithm.parse(tokens.algorithm());
            keyId = tokens.keyId().orElse(null);
            clockSkew = tokens.clockSkew();
            users = new InMemoryUserRepository();
            accounts = AccountsFixture.accounts(users, new InMemorySessionRepository(), tokens);
            String hash = accounts.passwordHasher().hash(AccountsFixture.PASSWORD);
            accessToken = accounts.signIn(AccountsFixture.activeUser(users, hash), AccountsFixture.PASSWORD).accessToken();
        }

        private static TokenService keyPairTokens(KeyPair pair) {
            return TokenService.builder().issuer(AccountsFixture.ISSUER).audience(AccountsFixture.AUDIENCE)
                    .signingKey(pair).build();
        }

        /** What a careful hand-written check does with Nimbus: everything TokenService checks, in its order. */
        JWTClaimsSet verifyByHand() throws ParseException, JOSEException {
            SignedJWT jwt = SignedJWT.parse(accessToken);
            JWSHeader header = jwt.getHeader();
            if (!algorithm.equals(header.getAlgorithm()) || !Objects.equals(keyId, header.getKeyID())) {
                throw new IllegalStateException("unexpected algorithm or key");
            }
            if (!jwt.verify(verifier)) {
                throw new IllegalStateException("bad signature");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            for (String name : REQUIRED_CLAIMS) {
                if (claims.getClaim(name) == null) {
                    throw new IllegalStateException("no " + name);
                }
            }
            if (!AccountsFixture.ISSUER.equals(claims.getIssuer())) {
                throw new IllegalStateException("wrong issuer");
            }
            if (claims.getAudience() == null || !claims.getAudience().contains(AccountsFixture.AUDIENCE)) {
                throw new IllegalStateException("wrong audience");
            }
            Instant now = clock.instant();
            if (!now.minus(clockSkew).isBefore(claims.getExpirationTime().toInstant())) {
                throw new IllegalStateException("expired");
            }
            if (claims.getIssueTime().toInstant().isAfter(now.plus(clockSkew))) {
                throw new IllegalStateException("issued in the future");
            }
            Date notBefore = claims.getNotBeforeTime();
            if (notBefore != null && notBefore.toInstant().isAfter(now.plus(clockSkew))) {
                throw new IllegalStateException("not valid yet");
            }
            if (!"access".equals(claims.getClaim("purpose"))) {
                throw new IllegalStateException("not an access token");
            }
            return claims;
        }
    }

    /** One confirmed user, signed in over and over with the library's default bcrypt cost; HS256 tokens. */
    @State(Scope.Benchmark)
    public static class SignIn {

        Accounts accounts;
        String email;
        /** The user's stored hash, made by the library's hasher at its cost. */
        String hash;

        @Setup(Level.Trial)
        public void register() {
            InMemoryUserRepository users = new InMemoryUserRepository();
            accounts = AccountsFixture.accounts(users, new InMemorySessionRepository(),
                    AccountsFixture.hmacTokens(AccountsFixture.randomSecret()));
            hash = accounts.passwordHasher().hash(AccountsFixture.PASSWORD);
            if (!hash.startsWith("$2b$" + accounts.passwordHasher().cost() + "$")) {
                throw new IllegalStateException("expected a hash of cost " + accounts.passwordHasher().cost() + ": " + hash);
            }
            email = AccountsFixture.activeUser(users, hash);
        }
    }
}
