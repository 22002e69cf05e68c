package dev.gallerykit.benchmarks;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.AuthTokens;
import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.memory.InMemorySessionRepository;
import dev.gallerykit.memory.InMemoryUserRepository;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.UserRepository;
import java.util.UUID;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sign-ins per second under 50 concurrent callers: {@code gallerykitSignIn} is {@link Accounts#signIn} (as
 * in {@link AccountsBenchmark}: look-up, attempt counted and cleared, bcrypt at the library's default cost,
 * a session stored, an HS256 access token signed), each caller signing in its own confirmed user so that no
 * two race on one account's attempt count; {@code rawSignIn}, its baseline, is one
 * {@code BCrypt.verifyer().verify} of the same password and hash per call, from as many threads. bcrypt is
 * CPU-bound, so both are bounded by the cores: the library runs at most one hash per core at a time and
 * queues the other callers fairly, the raw calls all run at once and share the cores.
 *
 * <p>{@link Store#store} says where the users and sessions are: {@code inmemory}, or {@code h2}, an H2
 * in-memory database through gallery-jdbc's repositories (their default pool of 10 connections). The raw
 * baseline touches no store; it runs under both values only so that the two methods share their
 * parameters. Each call takes seconds at 50 threads, so iterations are long.
 *
 * <p>Read it on a quiet machine only: with other processes busy, the raw side's 50 runnable threads win a
 * larger share of the cores from them than the library's at most {@code maxConcurrentHashes} (2 here)
 * hashing threads, so the raw side looks faster for a reason that is not the library's overhead.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(50)
@Warmup(iterations = 1, time = 20)
@Measurement(iterations = 3, time = 20)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SignInLoadBenchmark {

    @Benchmark
    public AuthTokens gallerykitSignIn(Store store, Caller caller) {
        return store.accounts.signIn(caller.email, AccountsFixture.PASSWORD);
    }

    @Benchmark
    public BCrypt.Result rawSignIn(Store store) {
        BCrypt.Result result = BCrypt.verifyer().verify(AccountsFixture.PASSWORD.toCharArray(), store.hash);
        if (!result.verified) {
            throw new IllegalStateException("the password does not match its hash");
        }
        return result;
    }

    /** The accounts over the chosen store, and the one hash (of the default cost) all users share. */
    @State(Scope.Benchmark)
    public static class Store {

        @Param({"inmemory", "h2"})
        public String store;

        Accounts accounts;
        UserRepository users;
        String hash;
        private JdbcRepositories jdbc;

        @Setup(Level.Trial)
        public void open() {
            SessionRepository sessions;
            switch (store) {
                case "inmemory" -> {
                    users = new InMemoryUserRepository();
                    sessions = new InMemorySessionRepository();
                }
                case "h2" -> {
                    jdbc = JdbcRepositories.builder()
                            .jdbcUrl("jdbc:h2:mem:signin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").build();
                    jdbc.migrate();
                    users = jdbc.users();
                    sessions = jdbc.sessions();
                }
                default -> throw new IllegalArgumentException("no such store: " + store);
            }
            accounts = AccountsFixture.accounts(users, sessions, AccountsFixture.hmacTokens(AccountsFixture.randomSecret()));
            hash = accounts.passwordHasher().hash(AccountsFixture.PASSWORD);
        }

        @TearDown(Level.Trial)
        public void close() {
            if (jdbc != null) {
                jdbc.close();
            }
        }
    }

    /** One caller's own confirmed user. */
    @State(Scope.Thread)
    public static class Caller {

        String email;

        @Setup(Level.Trial)
        public void register(Store store) {
            email = AccountsFixture.activeUser(store.users, store.hash);
        }
    }
}
