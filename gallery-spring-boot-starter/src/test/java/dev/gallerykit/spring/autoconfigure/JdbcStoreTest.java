package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.local.JdbcDatabase;
import dev.gallerykit.local.LocalMariaDb;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("gallerykit.store=jdbc")
class JdbcStoreTest {

    private static String h2Url() {
        return "jdbc:h2:mem:gallerykit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static ApplicationContextRunner withHostDataSource(String url) {
        return Contexts.withAccounts()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("gallerykit.store=jdbc", "spring.datasource.url=" + url);
    }

    @Test
    @DisplayName("on an H2 URL: a pool of its own, the tables migrated, the records on H2 and the store healthy")
    void onH2Url() {
        Contexts.withAccounts().withPropertyValues("gallerykit.store=jdbc", "gallerykit.jdbc.url=" + h2Url())
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(JdbcRepositories.class);
                    assertThat(context.getBean(JdbcRepositories.class).dialect()).isEqualTo(JdbcDialect.H2);
                    Contexts.signUpAndCreateAlbum(context);
                    assertThat(Contexts.health(context, "gallerykitJdbcHealthIndicator")).isEqualTo(Status.UP);
                });
    }

    @Test
    @DisplayName("on the host's DataSource when no URL is given: the albums are rows in the host's database")
    void hostDataSource() {
        withHostDataSource(h2Url()).run(context -> {
            assertThat(context).hasNotFailed();
            Contexts.signUpAndCreateAlbum(context);
            assertThat(count(context.getBean(DataSource.class), "select count(*) from gallery_album")).isEqualTo(1);
            assertThat(count(context.getBean(DataSource.class), "select count(*) from gallery_user"))
                    .as("the owner and the member the album is shared with").isEqualTo(2);
            assertThat(count(context.getBean(DataSource.class), "select count(*) from gallery_album_member")).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("gallerykit.jdbc.url wins over the host's DataSource, whose database stays untouched")
    void urlWinsOverHostDataSource() {
        withHostDataSource(h2Url()).withPropertyValues("gallerykit.jdbc.url=" + h2Url()).run(context -> {
            Contexts.signUpAndCreateAlbum(context);
            assertThat(count(context.getBean(DataSource.class),
                    "select count(*) from information_schema.tables where table_name = 'GALLERY_ALBUM'")).isZero();
        });
    }

    @Test
    @DisplayName("gallerykit.jdbc.migrate=false creates no table, and the health indicator says the store is down")
    void noMigration() {
        withHostDataSource(h2Url()).withPropertyValues("gallerykit.jdbc.migrate=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(count(context.getBean(DataSource.class),
                    "select count(*) from information_schema.tables where table_name like 'GALLERY%'")).isZero();
            assertThat(Contexts.health(context, "gallerykitJdbcHealthIndicator")).isEqualTo(Status.DOWN);
        });
    }

    @Test
    @DisplayName("management.health.gallerykit.enabled=false leaves the health indicator out")
    void healthTurnedOff() {
        Contexts.withAccounts().withPropertyValues("gallerykit.store=jdbc", "gallerykit.jdbc.url=" + h2Url(),
                "management.health.gallerykit.enabled=false").run(context ->
                        assertThat(context).hasNotFailed().doesNotHaveBean("gallerykitJdbcHealthIndicator"));
    }

    @Test
    @DisplayName("without Spring Boot's health support on the class path there is no health indicator, and the store works")
    void withoutActuator() {
        Contexts.withAccounts().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .withPropertyValues("gallerykit.store=jdbc", "gallerykit.jdbc.url=" + h2Url()).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("gallerykitJdbcHealthIndicator");
                    Contexts.signUpAndCreateAlbum(context);
                });
    }

    @Test
    @DisplayName("the health indicator goes down when the database server stops")
    void downWhenServerGone() throws Exception {
        int port = freePort();
        Server h2 = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
        try {
            String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:gallerykit-" + UUID.randomUUID();
            Contexts.withAccounts().withPropertyValues("gallerykit.store=jdbc", "gallerykit.jdbc.url=" + url,
                    "gallerykit.jdbc.connection-timeout=1s").run(context -> {
                        assertThat(Contexts.health(context, "gallerykitJdbcHealthIndicator")).isEqualTo(Status.UP);
                        h2.stop();
                        assertThat(Contexts.health(context, "gallerykitJdbcHealthIndicator")).isEqualTo(Status.DOWN);
                    });
        } finally {
            h2.stop();
        }
    }

    @Test
    @ExtendWith(LocalMariaDb.class)
    @DisplayName("on MariaDB: the dialect read from the URL, the tables migrated, the records on the server")
    void mariaDb(DatabaseServer server) {
        JdbcDatabase database = server.newDatabase();
        Contexts.withAccounts().withPropertyValues("gallerykit.store=jdbc", "gallerykit.jdbc.url=" + database.url(),
                "gallerykit.jdbc.username=" + database.user(), "gallerykit.jdbc.password=" + database.password())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(JdbcRepositories.class).dialect())
                            .isEqualTo(JdbcDialect.MARIADB);
                    Contexts.signUpAndCreateAlbum(context);
                    assertThat(Contexts.health(context, "gallerykitJdbcHealthIndicator")).isEqualTo(Status.UP);
                });
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
