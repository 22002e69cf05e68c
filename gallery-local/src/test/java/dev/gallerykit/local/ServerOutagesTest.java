package dev.gallerykit.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Servers of their own (never the shared ones) stopped or killed and started again in place: while
 * down they refuse connections, as in an outage; back up they answer on the same port with the same
 * data.
 */
class ServerOutagesTest {

    @Test
    @DisplayName("a stopped S3Proxy refuses connections, and restarted serves the same objects on the same port")
    void s3StopsAndComesBackWithItsObjects() throws IOException {
        try (LocalS3.Server server = LocalS3.start()) {
            assertStopsAndComesBack(server);
        }
    }

    @Test
    @DisplayName("S3Proxy in a child JVM, stopped and restarted, keeps its objects in its folder")
    void aChildS3StopsAndComesBackWithItsObjects() throws IOException {
        Credentials credentials = LocalS3.randomCredentials();
        S3ProxyChild child = S3ProxyChild.start(credentials);
        try (LocalS3.Server server = new LocalS3.Server(new LocalS3.Endpoint(
                Optional.of(URI.create("http://127.0.0.1:" + child.port())), LocalS3.LOCAL_REGION,
                Optional.of(credentials), true), Optional.of(child))) {
            assertStopsAndComesBack(server);
        }
    }

    @Test
    @DisplayName("an S3 endpoint that the environment names cannot be stopped from here")
    void anExternalS3CannotBeStopped() {
        LocalS3.Server external = new LocalS3.Server(new LocalS3.Endpoint(Optional.empty(), "eu-west-1",
                Optional.empty(), false), Optional.empty());

        assertThatThrownBy(external::stop).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("not started here");
        assertThat(external.running()).isTrue();
    }

    @Test
    @DisplayName("a killed PostgreSQL refuses connections, and restarted keeps every committed row")
    void postgresIsKilledAndComesBackWithItsRows() throws SQLException {
        try (DatabaseServer server = LocalPostgres.start()) {
            assertKilledAndBackWithItsRows(server);
        }
    }

    @Test
    @DisplayName("a killed MariaDB refuses connections, and restarted keeps every committed row and its passwords")
    void mariaDbIsKilledAndComesBackWithItsRows() throws SQLException {
        try (DatabaseServer server = LocalMariaDb.start()) {
            assertKilledAndBackWithItsRows(server);
        }
    }

    private static void assertKilledAndBackWithItsRows(DatabaseServer server) throws SQLException {
        JdbcDatabase db = server.database();
        try (Connection connection = connect(db); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE survivor (name VARCHAR(20) PRIMARY KEY)");
            sql.execute("INSERT INTO survivor VALUES ('committed')");

            server.kill();

            assertThatThrownBy(() -> sql.executeQuery("SELECT name FROM survivor"))
                    .as("a statement on a connection opened before the kill").isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> connect(db).close()).as("a new connection while killed")
                .isInstanceOf(SQLException.class);
        server.kill();

        server.restart();
        server.restart();

        try (Connection connection = connect(db); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT name FROM survivor")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("committed");
            assertThat(rows.next()).isFalse();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(db.url(), db.user(), "wrong").close())
                .as("a wrong password after the restart").isInstanceOf(SQLException.class);
    }

    private static void assertStopsAndComesBack(LocalS3.Server server) throws IOException {
        URI uri = server.endpoint().uri().orElseThrow();
        String bucket = server.endpoint().newBucketName("outage");
        try (S3Client s3 = s3Client(server.endpoint())) {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(b -> b.bucket(bucket).key("kept/original"), RequestBody.fromString("bytes"));

            server.stop();
            server.stop();

            assertThat(server.running()).isFalse();
            assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress(uri.getHost(), uri.getPort())))
                    .isInstanceOf(ConnectException.class);

            server.restart();
            server.restart();

            assertThat(server.running()).isTrue();
            assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("kept/original")).asUtf8String())
                    .isEqualTo("bytes");
        }
    }

    private static Connection connect(JdbcDatabase db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    private static S3Client s3Client(LocalS3.Endpoint endpoint) {
        Credentials key = endpoint.credentials().orElseThrow();
        return S3Client.builder().httpClientBuilder(ApacheHttpClient.builder())
                .endpointOverride(endpoint.uri().orElseThrow()).region(Region.of(endpoint.region()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                .build();
    }
}
