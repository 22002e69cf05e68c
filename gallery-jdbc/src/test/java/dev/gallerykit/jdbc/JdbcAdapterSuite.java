package dev.gallerykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.UserRepository;
import dev.gallerykit.testkit.GalleryContract;
import dev.gallerykit.testkit.contract.AlbumRepositoryContract;
import dev.gallerykit.testkit.contract.PhotoRepositoryContract;
import dev.gallerykit.testkit.contract.SessionRepositoryContract;
import dev.gallerykit.testkit.contract.UserRepositoryContract;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every contract of the test kit, unchanged, against one database. A subclass per database says
 * how to reach it; all suites share one migrated database, as the contracts allow (fresh owners
 * and emails in every test).
 */
abstract class JdbcAdapterSuite {

    /** The shared, migrated gallery of this database. */
    protected abstract JdbcGallery db();

    /** A gallery on a database (or schema) of its own that nothing has touched yet. */
    protected abstract JdbcGallery emptyDatabase();

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
            return new AlbumsOnDemand(db());
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
    }

    @Nested
    @DisplayName("Migrations")
    class Migrations {

        @Test
        @DisplayName("create every table on an empty database, and do nothing the second time")
        void migrateCreatesTheTablesOnceAndIsANoOpTheSecondTime() {
            try (JdbcGallery empty = emptyDatabase()) {
                assertThat(empty.migrate()).isEqualTo(1);
                assertThat(empty.migrate()).isZero();
                assertThat(empty.users().findByEmail("nobody@example.com")).isEmpty();
                assertThat(empty.albums().list(dev.gallerykit.testkit.contract.Records.anOwner(), 10,
                        Optional.empty()).items()).isEmpty();
            }
        }
    }
}
