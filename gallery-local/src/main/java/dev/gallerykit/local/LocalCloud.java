package dev.gallerykit.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A set of local servers started together, for code that runs outside a JUnit extension: an
 * application under development, a test harness of its own, a demo. Every server listens on a
 * random loopback port; the AWS-like ones accept one random key pair, which
 * {@link #credentials()} hands out.
 *
 * <pre>{@code
 * try (LocalCloud cloud = LocalCloud.start(Service.S3, Service.DYNAMODB)) {
 *     S3Client s3 = S3Client.builder().endpointOverride(cloud.s3().uri().orElseThrow())
 *             .region(Region.of(cloud.s3().region())).forcePathStyle(true) ...
 * }
 * }</pre>
 *
 * Unlike the JUnit extensions, {@code LocalCloud} ignores the environment variables that point
 * tests at external servers: it always starts its own. {@link #main} starts the services named on
 * its command line and prints how to reach them.
 */
public final class LocalCloud implements AutoCloseable {

    /** The services that {@code LocalCloud} can start. */
    public enum Service {
        /** S3Proxy, objects in memory. */
        S3(LocalS3::start),
        /** DynamoDB Local, tables in memory. */
        DYNAMODB(LocalDynamoDb::start),
        /** ElasticMQ, queues in memory. */
        SQS(LocalSqs::start),
        /** MariaDB 11.4. */
        MARIADB(credentials -> LocalMariaDb.start()),
        /** MySQL 8.0 (needs {@code libaio1}). */
        MYSQL(credentials -> LocalMySql.start()),
        /** PostgreSQL 14. */
        POSTGRES(credentials -> LocalPostgres.start()),
        /** GreenMail: SMTP, SMTPS and IMAP. */
        SMTP(credentials -> LocalSmtp.start());

        private final Function<Credentials, LocalService> starter;

        Service(Function<Credentials, LocalService> starter) {
            this.starter = starter;
        }

        /** The service of that name, ignoring case ({@code s3}, {@code DynamoDB}, ...). */
        public static Service named(String name) {
            for (Service service : values()) {
                if (service.name().equalsIgnoreCase(name.strip())) {
                    return service;
                }
            }
            throw new IllegalArgumentException("no service named '" + name + "'; the services are "
                    + Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")));
        }
    }

    private final Credentials credentials;
    private final Map<Service, LocalService> running;

    private LocalCloud(Credentials credentials, Map<Service, LocalService> running) {
        this.credentials = credentials;
        this.running = running;
    }

    /** Starts the given services, in the order of {@link Service}; see {@link #start(Collection)}. */
    public static LocalCloud start(Service first, Service... more) {
        EnumSet<Service> services = EnumSet.of(first, more);
        return start(services);
    }

    /**
     * Starts the given services, one after the other. When one cannot start, those already started
     * are stopped again and the failure names the service.
     *
     * @throws IllegalArgumentException when {@code services} is empty
     * @throws IllegalStateException when a service does not start
     */
    public static LocalCloud start(Collection<Service> services) {
        if (services.isEmpty()) {
            throw new IllegalArgumentException("name at least one service to start, e.g. EnumSet.allOf(Service.class)");
        }
        Credentials credentials = LocalS3.randomCredentials();
        Map<Service, LocalService> running = new EnumMap<>(Service.class);
        for (Service service : EnumSet.copyOf(services)) {
            try {
                running.put(service, service.starter.apply(credentials));
            } catch (RuntimeException e) {
                IllegalStateException failure = new IllegalStateException("could not start " + service + ": "
                        + e.getMessage(), e);
                new LocalCloud(credentials, running).stopAll().forEach(failure::addSuppressed);
                throw failure;
            }
        }
        return new LocalCloud(credentials, running);
    }

    /** The services that run, in the order of {@link Service}. */
    public synchronized Set<Service> services() {
        return running.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(running.keySet());
    }

    /** The key pair that the S3, DynamoDB and SQS servers of this cloud accept. */
    public Credentials credentials() {
        return credentials;
    }

    /** The S3 endpoint. */
    public LocalS3.Endpoint s3() {
        return service(Service.S3, LocalS3.Server.class).endpoint();
    }

    /** The DynamoDB endpoint. */
    public LocalDynamoDb.Endpoint dynamoDb() {
        return service(Service.DYNAMODB, LocalDynamoDb.Server.class).endpoint();
    }

    /** The SQS endpoint. */
    public LocalSqs.Endpoint sqs() {
        return service(Service.SQS, LocalSqs.Server.class).endpoint();
    }

    public DatabaseServer mariaDb() {
        return service(Service.MARIADB, DatabaseServer.class);
    }

    public DatabaseServer mySql() {
        return service(Service.MYSQL, DatabaseServer.class);
    }

    public DatabaseServer postgres() {
        return service(Service.POSTGRES, DatabaseServer.class);
    }

    /** The mail server, with what it received. */
    public LocalSmtp.Server smtp() {
        return service(Service.SMTP, LocalSmtp.Server.class);
    }

    /**
     * The environment variables that point the AWS SDK (v2) at this cloud's S3, DynamoDB and SQS:
     * {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL_SQS},
     * {@code AWS_REGION} and the key pair. Empty when none of them runs. S3 clients must still use
     * path-style requests.
     */
    public synchronized Map<String, String> awsEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        if (running.containsKey(Service.S3)) {
            environment.put("AWS_ENDPOINT_URL_S3", s3().uri().orElseThrow().toString());
        }
        if (running.containsKey(Service.DYNAMODB)) {
            environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb().uri().toString());
        }
        if (running.containsKey(Service.SQS)) {
            environment.put("AWS_ENDPOINT_URL_SQS", sqs().uri().orElseThrow().toString());
        }
        if (!environment.isEmpty()) {
            environment.put("AWS_REGION", LocalS3.LOCAL_REGION);
            environment.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
            environment.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        }
        return environment;
    }

    /** How to reach each service, for people: a heading per service and its connection details. */
    public synchronized String describe() {
        StringBuilder text = new StringBuilder();
        running.forEach((service, server) -> {
            text.append(service).append('\n');
            Map<String, String> details = server.connectionDetails();
            int width = details.keySet().stream().mapToInt(String::length).max().orElse(0);
            details.forEach((name, value) -> text.append("  ").append(name)
                    .append(" ".repeat(width - name.length() + 2)).append(value).append('\n'));
        });
        Map<String, String> environment = awsEnvironment();
        if (!environment.isEmpty()) {
            text.append("For the AWS SDK (S3 needs path-style requests):\n");
            environment.forEach((name, value) -> text.append("  export ").append(name).append('=').append(value)
                    .append('\n'));
        }
        return text.toString();
    }

    /** Stops every service, the last started first; idempotent. */
    @Override
    public synchronized void close() {
        List<RuntimeException> failures = stopAll();
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("some services did not stop cleanly",
                    failures.get(0));
            failures.subList(1, failures.size()).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private List<RuntimeException> stopAll() {
        List<RuntimeException> failures = new ArrayList<>();
        List<LocalService> started = new ArrayList<>(running.values());
        running.clear();
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        return failures;
    }

    private synchronized <T extends LocalService> T service(Service service, Class<T> type) {
        LocalService server = running.get(service);
        if (server == null) {
            throw new IllegalStateException(service + " is not running: name it in LocalCloud.start(...)");
        }
        return type.cast(server);
    }

    /**
     * Starts the services named as arguments ({@code s3 dynamodb sqs mariadb mysql postgres smtp}, in any
     * case, also comma-separated; all of them when there is none), prints how to reach them, and runs
     * until the JVM is stopped (Ctrl+C), which stops them.
     */
    public static void main(String[] args) throws InterruptedException {
        Set<Service> services;
        try {
            services = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: LocalCloud [service ...]   (default: all)");
            System.exit(2);
            return;
        }
        LocalCloud cloud = start(services);
        Runtime.getRuntime().addShutdownHook(new Thread(cloud::close, "stop-local-cloud"));
        System.out.print(cloud.describe());
        System.out.println("Running; press Ctrl+C to stop.");
        System.out.flush();
        // Nothing more to do: the servers run on their own threads and processes until the JVM ends.
        new CountDownLatch(1).await();
    }

    static Set<Service> parse(String... args) {
        Set<Service> services = EnumSet.noneOf(Service.class);
        for (String arg : args) {
            for (String name : arg.split(",")) {
                if (!name.isBlank()) {
                    services.add(Service.named(name));
                }
            }
        }
        return services.isEmpty() ? EnumSet.allOf(Service.class) : services;
    }
}
