package dev.gallerykit.web.local;

import dev.gallerykit.local.LocalCloud;
import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.local.LocalS3;
import dev.gallerykit.local.LocalSmtp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On the {@code local} profile, starts S3Proxy and GreenMail with {@link LocalCloud} before the
 * context is built (and DynamoDB Local when the records are on DynamoDB, as with the
 * {@code dynamodb} profile) and points the {@code gallerykit.*} properties at them, since the
 * starter reads those properties when it makes its beans. The cloud becomes the
 * {@code localCloud} bean and stops with the context.
 *
 * <p>The mailed confirmation links must carry the port the app listens on, and they are fixed when
 * the accounts are built, before the web server starts: so a random port ({@code server.port=0}, as
 * in the tests) is chosen here, from a free one, instead of by the web server.
 */
public final class LocalCloudRunListener implements SpringApplicationRunListener, Ordered {

    /** The name of the property source this listener adds. */
    public static final String PROPERTY_SOURCE = "gallerykitLocalCloud";
    static final String BEAN_NAME = "localCloud";

    private LocalCloud cloud;

    public LocalCloudRunListener(SpringApplication application, String[] args) {
        // Spring instantiates run listeners with these arguments; this one needs neither.
    }

    @Override
    public int getOrder() {
        // After the listener that loads application.properties and decides the profiles.
        return 10;
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrap, ConfigurableEnvironment environment) {
        if (!environment.matchesProfiles("local")) {
            return;
        }
        int port = environment.getProperty("server.port", Integer.class, 8080);
        if (port == 0) {
            port = freePort();
        }
        boolean dynamoDb = "dynamodb".equalsIgnoreCase(environment.getProperty("gallerykit.store", "").strip());
        cloud = LocalCloud.start(dynamoDb
                ? EnumSet.of(LocalCloud.Service.S3, LocalCloud.Service.DYNAMODB, LocalCloud.Service.SMTP)
                : EnumSet.of(LocalCloud.Service.S3, LocalCloud.Service.SMTP));
        LocalS3.Endpoint s3 = cloud.s3();
        LocalSmtp.Server smtp = cloud.smtp();
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", port);
        properties.put("gallerykit.links-base-url", "http://localhost:" + port + "/account");
        properties.put("gallerykit.s3.endpoint", s3.uri().orElseThrow().toString());
        properties.put("gallerykit.s3.region", s3.region());
        properties.put("gallerykit.mail.host", smtp.host());
        properties.put("gallerykit.mail.port", smtp.port());
        if (dynamoDb) {
            // DynamoDB Local in memory: the starter creates the tables on start, as it does by default.
            LocalDynamoDb.Endpoint dynamo = cloud.dynamoDb();
            properties.put("gallerykit.dynamodb.endpoint", dynamo.uri().toString());
            properties.put("gallerykit.dynamodb.region", dynamo.region());
        } else {
            // A database per start: two contexts in one JVM (tests) must not share one in-memory H2.
            properties.put("gallerykit.jdbc.url", "jdbc:h2:mem:gallerykit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
        // Tokens and cursors need secrets; on a local demo they live as long as the process.
        properties.put("gallerykit.tokens.hmac-secret", randomSecret());
        properties.put("gallerykit.cursor-secret", randomSecret());
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    @Override
    public void contextPrepared(ConfigurableApplicationContext context) {
        if (cloud == null) {
            return;
        }
        LocalCloud started = cloud;
        context.getBeanFactory().registerSingleton(BEAN_NAME, started);
        context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {
            @Override
            public void onApplicationEvent(ContextClosedEvent event) {
                started.close();
            }
        });
    }

    @Override
    public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
        if (cloud != null) {
            String port = context.getEnvironment().getProperty("local.server.port", "?");
            System.out.println("GalleryKit web app on the local profile: http://localhost:" + port + "/"
                    + " (mails: http://localhost:" + port + "/dev/mail)");
        }
    }

    @Override
    public void failed(ConfigurableApplicationContext context, Throwable exception) {
        if (cloud != null) {
            cloud.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the web server", e);
        }
    }

    private static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
