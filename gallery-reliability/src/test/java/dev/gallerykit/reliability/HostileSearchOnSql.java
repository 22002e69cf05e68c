package dev.gallerykit.reliability;

import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import org.junit.jupiter.api.AfterAll;

/** The hostile search texts on the JDBC repositories of a database a subclass opens. */
abstract class HostileSearchOnSql extends HostileSearch {

    JdbcRepositories db;

    @AfterAll
    void closeTheDatabase() {
        db.close();
    }

    @Override
    protected AlbumRepository albums() {
        return db.albums();
    }

    @Override
    protected PhotoRepository photos() {
        return db.photos();
    }
}
