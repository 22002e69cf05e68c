package dev.gallerykit.local;

import java.util.Objects;
import java.util.function.Supplier;

/** A database server that the environment names: used as it is, never stopped from here. */
final class ExternalDatabaseServer implements DatabaseServer {

    private final JdbcDatabase database;
    private final Supplier<JdbcDatabase> newDatabase;

    ExternalDatabaseServer(JdbcDatabase database, Supplier<JdbcDatabase> newDatabase) {
        this.database = Objects.requireNonNull(database, "database");
        this.newDatabase = Objects.requireNonNull(newDatabase, "newDatabase");
    }

    @Override
    public JdbcDatabase database() {
        return database;
    }

    @Override
    public JdbcDatabase newDatabase() {
        return newDatabase.get();
    }

    @Override
    public boolean local() {
        return false;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }

    @Override
    public String toString() {
        return "external " + database;
    }
}
