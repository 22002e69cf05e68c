package dev.gallerykit.benchmarks;

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

    private static int batchSize(AbCheck.Call call) throws Exception {
        return AbCheck.batchSize(call, WARM_UP_NANOS, BATCH_NANOS);
    }

    private static void compare(String what, int rounds, int batch, AbCheck.Call gallerykit, AbCheck.Call raw)
            throws Exception {
        System.out.println(AbCheck.compare(what, rounds, batch, gallerykit, raw));
    }
}
