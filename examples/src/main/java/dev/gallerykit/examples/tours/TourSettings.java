package dev.gallerykit.examples.tours;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a tour runs, from its command line and the environment (the command line wins):
 * <ul>
 *   <li>no endpoint and no AWS credentials: on {@code LocalCloud}, servers started by the tour;</li>
 *   <li>{@code AWS_ENDPOINT_URL} (or {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL_DYNAMODB} /
 *       {@code AWS_ENDPOINT_URL_SQS}):
 *       against that endpoint, such as LocalStack;</li>
 *   <li>a region and credentials ({@code AWS_REGION} and {@code AWS_ACCESS_KEY_ID} or {@code AWS_PROFILE}): against AWS.</li>
 * </ul>
 *
 * @param mode            which of the three
 * @param s3Endpoint      the S3 endpoint override; empty for LocalCloud's own or AWS's
 * @param dynamoDbEndpoint the DynamoDB endpoint override; likewise
 * @param sqsEndpoint     the SQS endpoint override, for {@code asynchronous}; likewise
 * @param region          the region to sign for (LocalStack accepts any)
 * @param accessKey       a static key pair from the environment; empty for the SDK's credentials chain
 * @param bucket          the bucket of the photos, created if missing
 * @param tablePrefix     the prefix of the DynamoDB tables, created if missing
 * @param queuePrefix     the prefix of the SQS queues of {@code asynchronous}, created if missing
 * @param jdbc            the SQL database; H2 in memory when none is given
 * @param database        a database server for the SQL tour to start itself: mariadb, mysql or postgres
 * @param smtp            a mail server to send through and read back over IMAP; empty for an in-memory mailer
 * @param keep            whether the bucket, tables and queues the tour created stay after it
 * @param asynchronous    whether uploads answer at once and workers make the renditions, with the jobs and
 *                        the events on SQS
 */
record TourSettings(Mode mode, Optional<URI> s3Endpoint, Optional<URI> dynamoDbEndpoint, Optional<URI> sqsEndpoint,
                    String region, Optional<AccessKey> accessKey, String bucket, String tablePrefix, String queuePrefix,
                    Jdbc jdbc, Optional<String> database, Optional<Smtp> smtp, boolean keep, boolean asynchronous) {

    static final String BUCKET = "GALLERYKIT_TOUR_BUCKET";
    static final String TABLE_PREFIX = "GALLERYKIT_TOUR_TABLE_PREFIX";
    static final String QUEUE_PREFIX = "GALLERYKIT_TOUR_QUEUE_PREFIX";
    static final String ASYNC = "GALLERYKIT_TOUR_ASYNC";
    static final String JDBC_URL = "GALLERYKIT_TOUR_JDBC_URL";
    static final String JDBC_USER = "GALLERYKIT_TOUR_JDBC_USER";
    static final String JDBC_PASSWORD = "GALLERYKIT_TOUR_JDBC_PASSWORD";
    static final String DATABASE = "GALLERYKIT_TOUR_DATABASE";
    static final String KEEP = "GALLERYKIT_TOUR_KEEP";
    static final List<String> DATABASES = List.of("mariadb", "mysql", "postgres");
    // The variables under which gallery-local's LocalSmtp takes an external GreenMail: the same meaning here.
    static final String SMTP_HOST = "GALLERYKIT_SMTP_HOST";
    static final String SMTP_PORT = "GALLERYKIT_SMTP_PORT";
    static final String IMAP_PORT = "GALLERYKIT_IMAP_PORT";
    static final String H2_URL = "jdbc:h2:mem:gallerykit-tour;DB_CLOSE_DELAY=-1";
    /** What SQS takes in a queue name, leaving room for the longest suffix the tour adds ("jobs-dead"). */
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,60}");

    static final String USAGE = String.join("\n",
            "options (each also an environment variable):",
            "  --bucket NAME          " + BUCKET + "        bucket of the photos (default: gallerykit-tour-<random>)",
            "  --table-prefix PREFIX  " + TABLE_PREFIX + "  DynamoDB table prefix (default: gallerykit-tour-<random>-)",
            "  --async                " + ASYNC + "=true  uploads answer at once; workers make the renditions, jobs and events on SQS",
            "  --queue-prefix PREFIX  " + QUEUE_PREFIX + "  SQS queue prefix for --async (default: gallerykit-tour-<random>-)",
            "  --jdbc-url URL         " + JDBC_URL + "      SQL database (default: H2 in memory)",
            "  --jdbc-user USER       " + JDBC_USER,
            "  --jdbc-password PASS   " + JDBC_PASSWORD,
            "  --database NAME        " + DATABASE + "      start a local mariadb, mysql or postgres for the SQL tour",
            "  --region REGION        AWS_REGION",
            "  --keep                 " + KEEP + "=true   keep the bucket, tables and queues the tour created",
            "endpoints: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SQS"
                    + " (LocalStack: http://localhost:4566)",
            "mail: " + SMTP_HOST + ", " + SMTP_PORT + ", " + IMAP_PORT + " (a GreenMail server); otherwise kept in memory");

    /** Where the tour's stores are. */
    enum Mode {
        LOCAL_CLOUD, ENDPOINT, AWS
    }

    /** A static key pair; {@link #toString()} leaves the secret out. */
    record AccessKey(String id, String secret, Optional<String> sessionToken) {
        @Override
        public String toString() {
            return "AccessKey[" + id + "]";
        }
    }

    record Jdbc(String url, String user, String password) {
        boolean isDefault() {
            return H2_URL.equals(url);
        }

        @Override
        public String toString() {
            return url + (user.isEmpty() ? "" : " as " + user);
        }
    }

    record Smtp(String host, int port, int imapPort) {
    }

    /**
     * @throws IllegalArgumentException for an unknown option, an option without its value, or a port that is no number
     */
    static TourSettings parse(List<String> args, Map<String, String> env) {
        Map<String, String> options = options(args);
        Optional<URI> common = value(env, "AWS_ENDPOINT_URL").map(URI::create);
        Optional<URI> s3 = value(env, "AWS_ENDPOINT_URL_S3").map(URI::create).or(() -> common);
        Optional<URI> dynamoDb = value(env, "AWS_ENDPOINT_URL_DYNAMODB").map(URI::create).or(() -> common);
        Optional<URI> sqs = value(env, "AWS_ENDPOINT_URL_SQS").map(URI::create).or(() -> common);
        Optional<String> region = Optional.ofNullable(options.get("region"))
                .or(() -> value(env, "AWS_REGION")).or(() -> value(env, "AWS_DEFAULT_REGION"));
        Optional<AccessKey> key = value(env, "AWS_ACCESS_KEY_ID").flatMap(id -> value(env, "AWS_SECRET_ACCESS_KEY")
                .map(secret -> new AccessKey(id, secret, value(env, "AWS_SESSION_TOKEN"))));
        boolean credentials = key.isPresent() || value(env, "AWS_PROFILE").isPresent();
        Mode mode = s3.isPresent() || dynamoDb.isPresent() || sqs.isPresent() ? Mode.ENDPOINT
                : region.isPresent() && credentials ? Mode.AWS : Mode.LOCAL_CLOUD;

        String suffix = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        String bucket = pick(options, "bucket", env, BUCKET).orElse("gallerykit-tour-" + suffix);
        String tablePrefix = pick(options, "table-prefix", env, TABLE_PREFIX).orElse("gallerykit-tour-" + suffix + "-");
        String queuePrefix = pick(options, "queue-prefix", env, QUEUE_PREFIX).orElse("gallerykit-tour-" + suffix + "-");
        if (!QUEUE_NAME.matcher(queuePrefix).matches()) {
            throw new IllegalArgumentException("--queue-prefix may hold letters, digits, '-' and '_', up to 60 of them,"
                    + " was '" + queuePrefix + "'");
        }
        Jdbc jdbc = new Jdbc(pick(options, "jdbc-url", env, JDBC_URL).orElse(H2_URL),
                pick(options, "jdbc-user", env, JDBC_USER).orElse(""),
                pick(options, "jdbc-password", env, JDBC_PASSWORD).orElse(""));
        Optional<String> database = pick(options, "database", env, DATABASE);
        if (database.isPresent() && !DATABASES.contains(database.get())) {
            throw new IllegalArgumentException("--database must be one of " + DATABASES + ", was '" + database.get() + "'");
        }
        if (database.isPresent() && !jdbc.isDefault()) {
            throw new IllegalArgumentException("give either --database or --jdbc-url, not both");
        }
        Optional<Smtp> smtp = value(env, SMTP_HOST).map(host -> new Smtp(host,
                port(env, SMTP_PORT), port(env, IMAP_PORT)));
        boolean keep = options.containsKey("keep") || value(env, KEEP).map(Boolean::parseBoolean).orElse(false);
        boolean asynchronous = options.containsKey("async")
                || value(env, ASYNC).map(Boolean::parseBoolean).orElse(false);
        return new TourSettings(mode, s3, dynamoDb, sqs, region.orElse("us-east-1"), key, bucket, tablePrefix,
                queuePrefix, jdbc, database, smtp, keep, asynchronous);
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.startsWith("--") ? arg.substring(2) : "";
            switch (name) {
                case "keep", "async" -> options.put(name, "true");
                case "bucket", "table-prefix", "queue-prefix", "jdbc-url", "jdbc-user", "jdbc-password", "database", "region" -> {
                    if (i + 1 == args.size()) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    options.put(name, args.get(++i));
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return options;
    }

    private static Optional<String> pick(Map<String, String> options, String option, Map<String, String> env,
            String variable) {
        return Optional.ofNullable(options.get(option)).or(() -> value(env, variable));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static int port(Map<String, String> env, String name) {
        String value = value(env, name).orElseThrow(
                () -> new IllegalArgumentException(SMTP_HOST + " is set, so " + name + " must be set too"));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'", e);
        }
    }
}
