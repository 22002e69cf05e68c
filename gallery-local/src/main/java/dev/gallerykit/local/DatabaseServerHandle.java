package dev.gallerykit.local;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A database server as tests see it: either started here, then stopped once however often it is
 * closed, or named by the environment, then used as it is and never stopped from here.
 */
final class DatabaseServerHandle implements DatabaseServer {

    private final String label;
    private final JdbcDatabase database;
    private final Supplier<JdbcDatabase> newDatabase;
    private final boolean local;
    private final StopOnce stop;

    private DatabaseServerHandle(String label, JdbcDatabase database, Supplier<JdbcDatabase> newDatabase,
                                 boolean local, StopOnce.Action stopper) {
        this.label = label;
        this.database = Objects.requireNonNull(database, "database");
        this.newDatabase = Objects.requireNonNull(newDatabase, "newDatabase");
        this.local = local;
        this.stop = new StopOnce(label, stopper);
    }

    /** A server started here, which {@code stopper} stops and deletes the data of. */
    static DatabaseServer started(String name, JdbcDatabase database, Supplier<JdbcDatabase> newDatabase,
                                  StopOnce.Action stopper) {
        return new DatabaseServerHandle(name, database, newDatabase, true, stopper);
    }

    /** A server the environment names. */
    static DatabaseServer external(JdbcDatabase database, Supplier<JdbcDatabase> newDatabase) {
        // Not ours to stop.
        return new DatabaseServerHandle("external", database, newDatabase, false, () -> { });
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
        return local;
    }

    @Override
    public void close() {
        stop.stop();
    }

    @Override
    public String toString() {
        return local ? label + "[" + database + "]" : label + " " + database;
    }
}
