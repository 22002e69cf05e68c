package dev.gallerykit.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The pairs of {@link AccountsBenchmark}, side by side in one JVM through {@link AbCheck}: batches of the
 * GalleryKit call and of its hand-written baseline take turns, and each side's fastest and median batch are
 * printed with their ratio. A check of the ratios on a busy machine, not a substitute for a quiet JMH run.
 *
 * <pre>java -cp gallery-benchmarks/target/benchmarks.jar dev.gallerykit.benchmarks.AccountsAbCheck [rounds] [signInRounds]</pre>
 */
final class AccountsAbCheck {

    /** Each batch of token checks lasts about this long, after this long of calls to warm the code up. */
    private static final long BATCH_NANOS = 20_000_000;
    private static final long WARM_UP_NANOS = 500_000_000;

    private static int sink;

    private AccountsAbCheck() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int signInRounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        results(rounds, signInRounds, true).forEach(System.out::println);
        System.out.println("(sink " + sink + ")");
    }

    /**
     * The suite's table: token authentication per algorithm against raw Nimbus (<= 1.10x) and sign-in against
     * one raw bcrypt verification (<= 1.05x), in time; allocation is shown, with no target of its own.
     */
    static String table(int rounds, int signInRounds) throws Exception {
        return AbCheck.table("alg", results(rounds, signInRounds, false),
                operation -> operation.equals("signIn") ? 1.05 : 1.10, operation -> Double.NaN);
    }

    /** Each comparison, named {@code "<alg> <operation>"}; with {@code verifyOnly}, also against a bare verify. */
    private static List<AbCheck.Result> results(int rounds, int signInRounds, boolean verifyOnly) throws Exception {
        AccountsBenchmark bench = new AccountsBenchmark();
        List<AbCheck.Result> results = new ArrayList<>();
        for (String alg : new String[] {"HS256", "RS256", "ES256"}) {
            AccountsBenchmark.Tokens tokens = new AccountsBenchmark.Tokens();
            tokens.alg = alg;
            tokens.signIn();
            int batch = batchSize(() -> sink += bench.rawAuthenticate(tokens).hashCode());
            batchSize(() -> sink += bench.gallerykitAuthenticate(tokens).hashCode());
            results.add(AbCheck.compare(alg + " authenticate", rounds, batch,
                    () -> sink += bench.gallerykitAuthenticate(tokens).hashCode(),
                    () -> sink += bench.rawAuthenticate(tokens).hashCode()));
            if (verifyOnly) {
                results.add(AbCheck.compare(alg + " authenticate-vs-verify-only", rounds, batch,
                        () -> sink += bench.gallerykitAuthenticate(tokens).hashCode(),
                        () -> sink += bench.rawVerifyOnly(tokens).hashCode()));
            }
        }
        AccountsBenchmark.SignIn signIn = new AccountsBenchmark.SignIn();
        signIn.register();
        results.add(AbCheck.compare("- signIn", signInRounds, 1,
                () -> sink += bench.gallerykitSignIn(signIn).hashCode(),
                () -> sink += bench.rawSignIn(signIn).hashCode()));
        return results;
    }

    private static int batchSize(AbCheck.Call call) throws Exception {
        return AbCheck.batchSize(call, WARM_UP_NANOS, BATCH_NANOS);
    }
}
