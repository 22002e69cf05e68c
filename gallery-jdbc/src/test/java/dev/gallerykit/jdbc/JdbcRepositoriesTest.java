package dev.gallerykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.testkit.contract.Records;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Building the adapter, and what reaches the caller when the database cannot be used. */
class JdbcRepositoriesTest {

    private static String anH2Url() {
        return "jdbc:h2:mem:builder-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Nested
    @DisplayName("Building")
    class Building {

        @Test
        @DisplayName("without a DataSource or a JDBC URL says that one is needed")
        void nothingToConnectTo() {
            assertThatThrownBy(() -> JdbcRepositories.builder().build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("JdbcRepositories needs a DataSource or a JDBC URL");
        }

        @Test
        @DisplayName("with both a DataSource and a JDBC URL refuses to guess")
        void bothDataSourceAndUrl() {
            try (HikariDataSource host = h2Pool(anH2Url(), 1)) {
                assertThatThrownBy(() -> JdbcRepositories.builder().dataSource(host).jdbcUrl(anH2Url()).build())
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("not both");
            }
        }

        @Test
        @DisplayName("names every problem at once")
        void everyProblemIsNamed() {
            assertThatThrownBy(() -> JdbcRepositories.builder().jdbcUrl("jdbc:oracle:thin:@db:1521/x")
                    .maximumPoolSize(0).connectionTimeout(Duration.ZERO).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("maximumPoolSize must be at least 1")
                    .hasMessageContaining("connectionTimeout must be at least 250 ms")
                    .hasMessageContaining("cannot tell the SQL dialect from the JDBC URL");
        }

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
                "jdbc:mysql://db:3306/gallery, MYSQL",
                "jdbc:mariadb://db:3306/gallery, MARIADB",
                "jdbc:postgresql://db:5432/gallery, POSTGRES",
                "jdbc:h2:mem:gallery, H2"})
        @DisplayName("reads the dialect from the JDBC URL")
        void dialectFromUrl(String url, JdbcDialect dialect) {
            try (JdbcRepositories db = JdbcRepositories.builder().jdbcUrl(url).build()) {
                assertThat(db.dialect()).isEqualTo(dialect);
            }
        }

        @Test
        @DisplayName("reads the dialect of a host's DataSource from the database itself")
        void dialectFromDataSource() {
            try (HikariDataSource host = h2Pool(anH2Url(), 2);
                    JdbcRepositories db = JdbcRepositories.builder().dataSource(host).build()) {
                assertThat(db.dialect()).isEqualTo(JdbcDialect.H2);
            }
        }

        @Test
        @DisplayName("an explicit dialect wins over the URL")
        void explicitDialect() {
            try (JdbcRepositories db = JdbcRepositories.builder().jdbcUrl("jdbc:mysql://db/gallery")
                    .dialect(JdbcDialect.MARIADB).build()) {
                assertThat(db.dialect()).isEqualTo(JdbcDialect.MARIADB);
            }
        }
    }

    @Nested
    @DisplayName("Closing")
    class Closing {

        @Test
        @DisplayName("closes the pool it made, but never the host's DataSource")
        void closeLeavesTheHostsPoolOpen() throws Exception {
            try (HikariDataSource host = h2Pool(anH2Url(), 2)) {
                JdbcRepositories.builder().dataSource(host).build().close();

                assertThat(host.isClosed()).isFalse();
                try (Connection connection = host.getConnection()) {
                    assertThat(connection.isValid(1)).isTrue();
                }
            }
        }

        @Test
        @DisplayName("calls on closed repositories fail as a storage error that retrying cannot cure")
        void callsAfterCloseFail() {
            JdbcRepositories db = JdbcRepositories.builder().jdbcUrl(anH2Url()).build();
            db.migrate();
            db.close();

            assertThatThrownBy(() -> db.users().findByEmail("ann@example.com"))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.retryable()).isFalse());
        }
    }

    @Nested
    @DisplayName("When the database cannot be used")
    class Failures {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"jdbc:mysql://127.0.0.1:%d/gallery?connectTimeout=500",
                "jdbc:mariadb://127.0.0.1:%d/gallery?connectTimeout=500",
                "jdbc:postgresql://127.0.0.1:%d/gallery?connectTimeout=1"})
        @DisplayName("a server that does not answer is a retryable StorageUnavailableException")
        void unreachableServer(String urlPattern) throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            try (JdbcRepositories db = JdbcRepositories.builder()
                    .jdbcUrl(String.format(urlPattern, closedPort))
                    .username("gallery").password("secret").connectionTimeout(Duration.ofMillis(500)).build()) {

                assertThatThrownBy(() -> db.albums().list(Records.anOwner(), 10, Optional.empty()))
                        .isInstanceOf(StorageUnavailableException.class)
                        .hasMessageContaining("cannot be reached")
                        .satisfies(e -> assertThat(((GalleryException) e).retryable()).isTrue());
                assertThatThrownBy(db::migrate).isInstanceOf(StorageUnavailableException.class);
            }
        }

        @Test
        @DisplayName("an exhausted pool is a retryable StorageUnavailableException")
        void exhaustedPool() throws Exception {
            String url = anH2Url();
            try (JdbcRepositories migrated = JdbcRepositories.builder().jdbcUrl(url).build()) {
                migrated.migrate();
            }
            try (HikariDataSource host = h2Pool(url, 1);
                    JdbcRepositories db = JdbcRepositories.builder().dataSource(host).dialect(JdbcDialect.H2).build();
                    Connection heldElsewhere = host.getConnection()) {

                assertThatThrownBy(() -> db.users().findByEmail("ann@example.com"))
                        .isInstanceOf(StorageUnavailableException.class)
                        .satisfies(e -> assertThat(((GalleryException) e).retryable()).isTrue());
                assertThat(heldElsewhere.isValid(1)).isTrue();
            }
        }

        @Test
        @DisplayName("tables that were never migrated are named as the problem, and not retryable")
        void notMigrated() {
            try (JdbcRepositories db = JdbcRepositories.builder().jdbcUrl(anH2Url()).build()) {
                assertThatThrownBy(() -> db.users().findByEmail("ann@example.com"))
                        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.retryable()).isFalse())
                        .isNotInstanceOf(StorageUnavailableException.class)
                        .hasMessageContaining("JdbcRepositories.migrate()");
                assertThatThrownBy(() -> db.albums().create(Records.anAlbum(Records.anOwner())))
                        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.retryable()).isFalse());
            }
        }

        @Test
        @DisplayName("a wrong password is a storage error that is not retryable")
        void wrongPassword() {
            String url = anH2Url();
            try (JdbcRepositories owner = JdbcRepositories.builder().jdbcUrl(url).username("sa").password("right").build()) {
                owner.migrate();
                // Long enough for the pool to have tried (and failed) to connect: its time-out carries that reason.
                try (JdbcRepositories stranger = JdbcRepositories.builder().jdbcUrl(url).username("sa").password("wrong")
                        .connectionTimeout(Duration.ofSeconds(2)).build()) {
                    assertThatThrownBy(() -> stranger.users().findByEmail("ann@example.com"))
                            .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.retryable()).isFalse())
                            .hasMessageContaining("refused access");
                }
            }
        }
    }

    private static HikariDataSource h2Pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(250);
        return new HikariDataSource(config);
    }
}
