package dev.gallerykit.benchmarks;

import com.nimbusds.jose.JOSEException;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The pairs of {@link AccountsBenchmark}, side by side in one JVM: batches of the GalleryKit call and of
 * its hand-written baseline take turns, and each side's fastest and median batch are printed with their
 * ratio. JMH measures one method after the other, so load from other processes that comes and goes falls
 * on one side only; taking turns every few milliseconds spreads it over both, and the fastest batch is the
 * one least disturbed. A check of the ratios on a busy machine, not a substitute for a quiet JMH run.
 *
 * <pre>java -cp gallery-benchmarks/target/benchmarks.jar dev.gallerykit.benchmarks.AccountsAbCheck [rounds] [signInRounds]</pre>
 */
final class AccountsAbCheck {

    /** Each batch of token checks lasts about this long. */
    private static final long BATCH_NANOS = 20_000_000;

    private static int sink;

    private AccountsAbCheck() {
    }

    public static void main(String[] args) throws GeneralSecurityException, JOSEException, ParseException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int signInRounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        AccountsBenchmark bench = new AccountsBenchmark();
        for (String alg : new String[] {"HS256", "RS256", "ES256"}) {
            AccountsBenchmark.Tokens tokens = new AccountsBenchmark.Tokens();
            tokens.alg = alg;
            tokens.signIn();
            int batch = batchSize(() -> sink += bench.rawAuthenticate(tokens).hashCode());
            compare("authenticate " + alg, rounds, batch,
                    () -> sink += bench.gallerykitAuthenticate(tokens).hashCode(),
                    () -> sink += bench.rawAuthenticate(tokens).hashCode());
            compare("authenticate " + alg + " vs verify only", rounds, batch,
                    () -> sink += bench.gallerykitAuthenticate(tokens).hashCode(),
                    () -> sink += bench.rawVerifyOnly(tokens).hashCode());
        }
        AccountsBenchmark.SignIn signIn = new AccountsBenchmark.SignIn();
        signIn.register();
        compare("signIn vs bcrypt verify", signInRounds, 1,
                () -> sink += bench.gallerykitSignIn(signIn).hashCode(),
                () -> sink += bench.rawSignIn(signIn).hashCode());
        System.out.println("(sink " + sink + ")");
    }

    /** How many calls fill about one batch, after a warm-up of both sides' code. */
    private static int batchSize(Call call) throws JOSEException, ParseException {
        for (int i = 0; i < 2_000; i++) {
            call.run();
        }
        long start = System.nanoTime();
        int calls = 0;
        while (System.nanoTime() - start < BATCH_NANOS) {
            call.run();
            calls++;
        }
        return Math.max(1, calls);
    }

    private static void compare(String what, int rounds, int batch, Call gallerykit, Call raw)
            throws JOSEException, ParseException {
        // Warm both up before anything counts.
        time(gallerykit, batch);
        time(raw, batch);
        double[] ours = new double[rounds];
        double[] theirs = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            // Alternate which side goes first, so that neither always follows the other.
            if (round % 2 == 0) {
                ours[round] = time(gallerykit, batch);
                theirs[round] = time(raw, batch);
            } else {
                theirs[round] = time(raw, batch);
                ours[round] = time(gallerykit, batch);
            }
        }
        Arrays.sort(ours);
        Arrays.sort(theirs);
        double oursMedian = ours[rounds / 2];
        double theirsMedian = theirs[rounds / 2];
        System.out.printf(Locale.ROOT, "%-38s gallerykit min %10.2f us, median %10.2f us | raw min %10.2f us, median %10.2f us"
                + " | ratio min %.3f, median %.3f%n", what, ours[0], oursMedian, theirs[0], theirsMedian,
                ours[0] / theirs[0], oursMedian / theirsMedian);
    }

    /** Microseconds per call over one batch. */
    private static double time(Call call, int batch) throws JOSEException, ParseException {
        long start = System.nanoTime();
        for (int i = 0; i < batch; i++) {
            call.run();
        }
        return (System.nanoTime() - start) / 1_000.0 / batch;
    }

    @FunctionalInterface
    private interface Call {
        void run() throws JOSEException, ParseException;
    }
}
