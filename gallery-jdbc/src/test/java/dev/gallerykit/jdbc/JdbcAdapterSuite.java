package dev.gallerykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PhotoClaims;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spi.UserRepository;
import dev.gallerykit.testkit.GalleryContract;
import dev.gallerykit.testkit.contract.AlbumRepositoryContract;
import dev.gallerykit.testkit.contract.PhotoRepositoryContract;
import dev.gallerykit.testkit.contract.Records;
import dev.gallerykit.testkit.contract.SessionRepositoryContract;
import dev.gallerykit.testkit.contract.ShareRepositoryContract;
import dev.gallerykit.testkit.contract.UserRepositoryContract;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every contract of the test kit, unchanged, against one database. A subclass per database says
 * how to reach it; all suites share one migrated database, as the contracts allow (fresh owners
 * and emails in every test).
 */
abstract class JdbcAdapterSuite {

    /** The Flyway scripts each dialect has (V1 tables, V2 photo claims, V3 the album's deleting mark, V4 the hold index, V5 folded search text, V6 the folds filled in, V7 album shares, V8 the uploader, V9 processing, V10 the tag search key). */
    private static final int MIGRATIONS = 10;

    /** The shared, migrated gallery of this database. */
    protected abstract JdbcRepositories db();

    /** A gallery on a database (or schema) of its own that nothing has touched yet. */
    protected abstract JdbcRepositories emptyDatabase();

    @Nested
    @DisplayName("UserRepository contract")
    class Users extends UserRepositoryContract {
        @Override
        protected UserRepository users() {
            return db().users();
        }
    }

    @Nested
    @DisplayName("AlbumRepository contract")
    class Albums extends AlbumRepositoryContract {
        @Override
        protected AlbumRepository albums() {
            return db().albums();
        }
    }

    @Nested
    @DisplayName("PhotoRepository contract")
    class Photos extends PhotoRepositoryContract {
        @Override
        protected PhotoRepository photos() {
            return db().photos();
        }

        @Override
        protected AlbumRepository albums() {
            return db().albums();
        }
    }

    @Nested
    @DisplayName("SessionRepository contract")
    class Sessions extends SessionRepositoryContract {
        @Override
        protected SessionRepository sessions() {
            return db().sessions();
        }
    }

    @Nested
    @DisplayName("ShareRepository contract")
    class Shares extends ShareRepositoryContract {
        @Override
        protected ShareRepository shares() {
            return db().shares();
        }

        @Override
        protected AlbumRepository albums() {
            return db().albums();
        }
    }

    @Nested
    @DisplayName("Gallery use cases")
    class UseCases extends GalleryContract {
        @Override
        protected AlbumRepository albumRepository() {
            return db().albums();
        }

        @Override
        protected PhotoRepository photoRepository() {
            return db().photos();
        }

        @Override
        protected BlobStore blobStore() {
            return new InMemoryBlobStore();
        }

        @Override
        protected ShareRepository shareRepository() {
            return db().shares();
        }
    }

    @Nested
    @DisplayName("Beyond the contracts")
    class BeyondTheContracts {

        private final UserId owner = Records.anOwner();

        private Album album(String name) {
            return db().albums().create(Records.anAlbum(owner, name, ""));
        }

        @Test
        @DisplayName("search text with % _ ! and \\ in it matches those characters literally")
        void searchWildcardsAreLiteral() {
            Album percent = album("100% fun");
            album("1000 fun");
            Album underscore = album("IMG_1");
            album("IMGX1");
            Album bang = album("Wow! Paris");
            Album backslash = album("C:\\photos");
            album("C:photos");

            assertThat(db().albums().search(owner, "0%", 10, Optional.empty()).items()).containsExactly(percent);
            assertThat(db().albums().search(owner, "g_", 10, Optional.empty()).items()).containsExactly(underscore);
            assertThat(db().albums().search(owner, "w! p", 10, Optional.empty()).items()).containsExactly(bang);
            assertThat(db().albums().search(owner, ":\\", 10, Optional.empty()).items()).containsExactly(backslash);
            Photo photo = db().photos().create(Records.aPhoto(owner, percent.id(), p -> p.title("50%_off")));
            db().photos().create(Records.aPhoto(owner, percent.id(), p -> p.title("500 offers")));
            assertThat(db().photos().search(owner, PhotoQuery.of(q -> q.text("0%_")), 10, Optional.empty()).items())
                    .containsExactly(photo);
        }

        @Test
        @DisplayName("search text ignores case but not accents, as PhotoQuery.matches does")
        void searchFoldsCaseButNotAccents() {
            Album accented = album("Été à Marseille");
            album("Ete a Marseille");

            assertThat(db().albums().search(owner, "ÉTÉ", 10, Optional.empty()).items()).containsExactly(accented);
            assertThat(db().albums().search(owner, "été", 10, Optional.empty()).items()).containsExactly(accented);
        }

        @Test
        @DisplayName("a photo in an album that does not exist is not found, and nothing is stored")
        void aPhotoNeedsItsAlbum() {
            Photo orphan = Records.aPhoto(owner, new AlbumId(UUID.randomUUID()));

            assertThatThrownBy(() -> db().photos().create(orphan)).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining(orphan.albumId().toString());
            assertThat(db().photos().find(owner, orphan.id())).isEmpty();
        }

        @Test
        @DisplayName("a photo cannot move into another owner's album")
        void aPhotoStaysWithItsOwnersAlbums() {
            Photo photo = db().photos().create(Records.aPhoto(owner, album("Mine").id()));
            Album theirs = db().albums().create(Records.anAlbum(Records.anOwner()));

            assertThatThrownBy(() -> db().photos().update(photo.toBuilder().albumId(theirs.id()).build()))
                    .isInstanceOf(NotFoundException.class);
            assertThat(db().photos().find(owner, photo.id())).contains(photo);
        }

        @Test
        @DisplayName("an album that still holds photos cannot be deleted")
        void anAlbumWithPhotosIsNotDeleted() {
            Album album = album("Full");
            db().photos().create(Records.aPhoto(owner, album.id()));

            assertThatThrownBy(() -> db().albums().delete(owner, album.id())).isInstanceOf(ConflictException.class);
            assertThat(db().albums().find(owner, album.id())).contains(album);
        }

        @Test
        @DisplayName("a value longer than its column is invalid input, not a storage failure")
        void anOverlongValueIsInvalidInput() {
            Album tooLong = Records.anAlbum(owner, "x".repeat(5_000), "");

            assertThatThrownBy(() -> db().albums().create(tooLong)).isInstanceOf(InvalidInputException.class);
            assertThat(db().albums().find(owner, tooLong.id())).isEmpty();
        }

        @Test
        @DisplayName("instants keep their microseconds")
        void instantsKeepMicroseconds() {
            Instant precise = Instant.parse("2024-05-04T10:15:30.123456Z");
            Album album = db().albums().create(new Album(new AlbumId(UUID.randomUUID()), owner, "Precise", "",
                    Optional.empty(), precise, precise, 0));

            assertThat(db().albums().find(owner, album.id())).contains(album);
        }
    }

    @Nested
    @DisplayName("Migrations")
    class Migrations {

        @Test
        @DisplayName("create every table on an empty database, and do nothing the second time")
        void migrateCreatesTheTablesOnceAndIsANoOpTheSecondTime() {
            try (JdbcRepositories empty = emptyDatabase()) {
                assertThat(empty.migrate()).isEqualTo(MIGRATIONS);
                assertThat(empty.migrate()).isZero();
                assertThat(empty.users().findByEmail("nobody@example.com")).isEmpty();
                assertThat(empty.albums().list(Records.anOwner(), 10,
                        Optional.empty()).items()).isEmpty();
            }
        }

        @Test
        @DisplayName("key the tag rows written before the tag search key existed, a repeated tag once")
        void theTagKeyMigrationKeysOlderRows() throws Exception {
            try (JdbcRepositories empty = emptyDatabase()) {
                empty.migrate();
                UserId owner = Records.anOwner();
                Album album = empty.albums().create(Records.anAlbum(owner, "Trip", ""));
                List<Tag> repeated = List.of(Tag.user("beach"), Tag.machine("beach", 0.5), Tag.user("dog"));
                Photo twice = empty.photos().create(Records.aPhoto(owner, album.id(), p -> p.tags(repeated)),
                        PhotoClaims.NONE);
                Photo once = empty.photos().create(Records.aPhoto(owner, album.id(),
                        p -> p.tags(List.of(Tag.user("beach")))), PhotoClaims.NONE);
                try (Connection connection = empty.dataSource().getConnection();
                        Statement sql = connection.createStatement()) {
                    // Back to the schema of migration 9, with the rows as it kept them.
                    if (empty.dialect() == JdbcDialect.MYSQL || empty.dialect() == JdbcDialect.MARIADB) {
                        sql.executeUpdate("ALTER TABLE gallery_photo_tag DROP INDEX gallery_photo_tag_owner_key_uq,"
                                + " DROP COLUMN owner_id, DROP COLUMN tag_key, ADD INDEX gallery_photo_tag_tag_ix (tag, photo_id)");
                    } else {
                        sql.executeUpdate("DROP INDEX gallery_photo_tag_owner_key_uq");
                        sql.executeUpdate("ALTER TABLE gallery_photo_tag DROP COLUMN owner_id");
                        sql.executeUpdate("ALTER TABLE gallery_photo_tag DROP COLUMN tag_key");
                        sql.executeUpdate("CREATE INDEX gallery_photo_tag_tag_ix ON gallery_photo_tag (tag, photo_id)");
                    }
                    DSL.using(connection, empty.dialect().sqlDialect())
                            .deleteFrom(DSL.table(DSL.name(JdbcRepositories.HISTORY_TABLE)))
                            .where(DSL.field(DSL.name("version")).eq("10"))
                            .execute();
                }

                assertThat(empty.migrate()).isOne();

                PhotoQuery beach = PhotoQuery.of(q -> q.tags("beach"));
                assertThat(empty.photos().search(owner, beach, 10, Optional.empty()).items())
                        .extracting(Photo::id).containsExactly(once.id(), twice.id());
                assertThat(empty.photos().search(owner, PhotoQuery.of(q -> q.tags("dog", "beach")), 10,
                        Optional.empty()).items()).extracting(Photo::id).containsExactly(twice.id());
                assertThat(empty.photos().search(Records.anOwner(), beach, 10, Optional.empty()).items()).isEmpty();
                assertThat(empty.photos().find(owner, twice.id()).orElseThrow().tags()).isEqualTo(repeated);
            }
        }

        @Test
        @DisplayName("fold the search text of rows written before the folded columns existed")
        void theFoldMigrationFillsOlderRows() throws Exception {
            try (JdbcRepositories empty = emptyDatabase()) {
                empty.migrate();
                UserId owner = Records.anOwner();
                Album album = empty.albums().create(Records.anAlbum(owner, "Straße", ""));
                Photo photo = empty.photos().create(Records.aPhoto(owner, album.id(), p -> p.title("ΣΟΦΟΣ")),
                        PhotoClaims.NONE);
                try (Connection connection = empty.dataSource().getConnection();
                        Statement sql = connection.createStatement()) {
                    // As a row written before migration 5 is: no folds.
                    sql.executeUpdate("UPDATE gallery_album SET name_fold = NULL, description_fold = NULL");
                    sql.executeUpdate("UPDATE gallery_photo SET title_fold = NULL, description_fold = NULL");
                }
                PhotoQuery sophos = PhotoQuery.of(q -> q.text("σοφοσ"));
                assertThat(empty.photos().search(owner, sophos, 10, Optional.empty()).items()).isEmpty();

                try (Connection connection = empty.dataSource().getConnection()) {
                    new FoldSearchText().migrate(new Context() {
                        @Override
                        public Configuration getConfiguration() {
                            throw new UnsupportedOperationException("not used by the migration");
                        }

                        @Override
                        public Connection getConnection() {
                            return connection;
                        }
                    });
                }

                assertThat(empty.albums().search(owner, "STRASSE", 10, Optional.empty()).items())
                        .extracting(Album::id).containsExactly(album.id());
                assertThat(empty.photos().search(owner, sophos, 10, Optional.empty()).items())
                        .extracting(Photo::id).containsExactly(photo.id());
            }
        }
    }
}
