package dev.gallerykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.testkit.contract.Records;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What an update told the version it was read at sends (the statements the driver executes, counted
 * around the pool's connections): only the changed part of the photo, where a whole update rewrites
 * the row, its tags and its renditions. What it stores is the contract's; this is its cost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("SQL statements sent by a photo update")
class JdbcPhotoUpdateStatementsTest {

    private final StatementCounter statements = new StatementCounter();
    private HikariDataSource pool;
    private JdbcRepositories db;

    @BeforeAll
    void open() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:updates-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setPassword("");
        pool = new HikariDataSource(config);
        db = JdbcRepositories.builder().dataSource(statements.wrap(pool)).dialect(JdbcDialect.H2).build();
        db.migrate();
    }

    @AfterAll
    void close() {
        db.close();
        pool.close();
    }

    private Photo aStoredPhoto() {
        UserId owner = Records.anOwner();
        AlbumId album = db.albums().create(Records.anAlbum(owner, "Harbour", "")).id();
        return db.photos().create(Records.aFullyDescribedPhoto(owner, album));
    }

    private Map<String, Integer> sentBy(Runnable update) {
        statements.reset();
        update.run();
        return statements.byKind();
    }

    @Test
    @DisplayName("a change of tags from the version read: one UPDATE of the row, the tags deleted and inserted, no rendition row touched")
    void aChangeOfTagsWritesTheTagsOnly() {
        Photo photo = aStoredPhoto();

        Map<String, Integer> sent = sentBy(() -> db.photos().update(photo,
                photo.toBuilder().tags(List.of(Tag.user("night"))).build()));

        assertThat(sent).isEqualTo(Map.of("UPDATE", 1, "DELETE", 1, "INSERT", 1));
    }

    @Test
    @DisplayName("a change of title from the version read: one UPDATE and nothing else")
    void aChangeOfTitleWritesTheRowOnly() {
        Photo photo = aStoredPhoto();

        Map<String, Integer> sent = sentBy(() -> db.photos().update(photo, photo.toBuilder().title("Night").build()));

        assertThat(sent).isEqualTo(Map.of("UPDATE", 1));
    }

    @Test
    @DisplayName("a whole update rewrites the row, the tags and the renditions")
    void aWholeUpdateRewritesEverything() {
        Photo photo = aStoredPhoto();

        Map<String, Integer> sent = sentBy(() -> db.photos().update(photo.toBuilder().title("Night").build()));

        assertThat(sent).isEqualTo(Map.of("UPDATE", 1, "DELETE", 2, "INSERT", 2));
    }

    @Test
    @DisplayName("from a version that moved on: the short UPDATE finds nothing, and the whole path tells why")
    void aStaleVersionFallsBackToTheWholePath() {
        Photo photo = aStoredPhoto();
        db.photos().update(photo, photo.toBuilder().title("First").build());

        statements.reset();
        assertThatThrownBy(() -> db.photos().update(photo, photo.toBuilder().title("Second").build()))
                .isInstanceOf(ConcurrentModificationException.class);
        Map<String, Integer> sent = statements.byKind();

        assertThat(sent).doesNotContainKeys("DELETE", "INSERT");
    }
}
