package dev.gallerykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gallerykit.Gallery;
import dev.gallerykit.Owners.PurgeReport;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.local.JdbcDatabase;
import dev.gallerykit.local.LocalMariaDb;
import dev.gallerykit.local.LocalPostgres;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.testkit.contract.Records;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Purging an owner sends a number of SQL statements that grows with the number of batches (the core
 * deletes 100 photos per round), not with the number of photos: the statements the JDBC driver
 * executes are counted by a wrapper around the pool's connections.
 */
@DisplayName("SQL statements sent by a purge")
class JdbcPurgeRequestCountTest {

    /** Photos the core removes per round (AlbumService's batch). */
    private static final int ROUND = 100;
    /** Statements one round may send: the page of photos with its tags and derivatives, then the delete. */
    private static final int PER_ROUND = 5;
    /** Statements that do not depend on the photos: marks, album listings, shares, album deletes. */
    private static final int FIXED = 30;
    private static final int ALBUMS = 2;

    /** One database: a pool around counted connections, the repositories on it. */
    abstract static class Suite {

        private final StatementCounter statements = new StatementCounter();
        private HikariDataSource pool;
        private JdbcRepositories db;

        void open(JdbcDatabase database, JdbcDialect dialect) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(database.url());
            config.setUsername(database.user());
            config.setPassword(database.password());
            config.setMaximumPoolSize(10);
            pool = new HikariDataSource(config);
            db = JdbcRepositories.builder().dataSource(statements.wrap(pool)).dialect(dialect).build();
            db.migrate();
        }

        @AfterAll
        void close() {
            if (db != null) {
                db.close();
                pool.close();
            }
        }

        @Test
        @DisplayName("purging 1,000 and 5,000 photos: a few statements per batch of 100, none per photo")
        void statementsGrowWithBatchesNotPhotos() throws Exception {
            int thousand = purge(1_000);
            int fiveThousand = purge(5_000);

            assertThat(thousand).isLessThanOrEqualTo(FIXED + PER_ROUND * rounds(1_000));
            assertThat(fiveThousand).isLessThanOrEqualTo(FIXED + PER_ROUND * rounds(5_000));
            assertThat(fiveThousand - thousand).isLessThanOrEqualTo(PER_ROUND * (rounds(5_000) - rounds(1_000)));
        }

        /** Rounds of the core over {@code photos} spread over the albums, with each album's last, empty listing. */
        private static int rounds(int photos) {
            return (photos + ROUND - 1) / ROUND + ALBUMS * 2;
        }

        private int purge(int photos) throws Exception {
            Gallery gallery = Gallery.builder().albums(db.albums()).photos(db.photos()).shares(db.shares())
                    .blobs(new InMemoryBlobStore()).build();
            UserId owner = Records.anOwner();
            List<Album> albums = new ArrayList<>();
            for (int i = 0; i < ALBUMS; i++) {
                albums.add(gallery.albums().create(owner, "Album " + i, ""));
            }
            insert(owner, albums, photos);
            statements.reset();

            PurgeReport report = gallery.owners().purge(owner);

            int sent = statements.total();
            System.out.printf("%s: purge of %d photos sent %d statements %s%n", getClass().getSimpleName(), photos, sent,
                    statements.byKind());
            assertThat(report.photos()).isEqualTo(photos);
            assertThat(report.albums()).isEqualTo(ALBUMS);
            assertThat(db.photos().search(owner, PhotoQuery.builder().build(), 10, Optional.empty()).items()).isEmpty();
            return sent;
        }

        /** Through the repository, eight at a time: the seeding is not what is measured. */
        private void insert(UserId owner, List<Album> albums, int photos) throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> inserts = new ArrayList<>();
                for (int i = 0; i < photos; i++) {
                    Album album = albums.get(i % 3 == 0 ? 0 : albums.size() - 1);
                    inserts.add(threads.submit(() -> db.photos().create(Records.aPhoto(owner, album.id()))));
                }
                for (Future<?> insert : inserts) {
                    insert.get();
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("on H2")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnH2 extends Suite {

        @BeforeAll
        void connect() {
            open(new JdbcDatabase("jdbc:h2:mem:purge-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""),
                    JdbcDialect.H2);
        }
    }

    @Nested
    @DisplayName("on MariaDB")
    @ExtendWith(LocalMariaDb.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnMariaDb extends Suite {

        @BeforeAll
        void connect(DatabaseServer server) {
            open(server.newDatabase(), JdbcDialect.MARIADB);
        }
    }

    @Nested
    @DisplayName("on PostgreSQL")
    @ExtendWith(LocalPostgres.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgres extends Suite {

        @BeforeAll
        void connect(DatabaseServer server) {
            open(server.newDatabase(), JdbcDialect.POSTGRES);
        }
    }
}
