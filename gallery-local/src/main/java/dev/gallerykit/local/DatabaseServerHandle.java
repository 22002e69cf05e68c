package dev.gallerykit.local;

import java.util.Objects;
import java.util.Optional;
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
    private final Optional<Crash> crash;
    private final StopOnce stop;

    /** How a server started here is killed as a crash would kill it, and started again in place. */
    interface Crash {

        /** Kills every process of the server; nothing if none is running. */
        void kill() throws Exception;

        /** Starts the server again on its port and data, and waits until it takes connections; nothing if it runs. */
        void restart() throws Exception;
    }

    private DatabaseServerHandle(String label, JdbcDatabase database, Supplier<JdbcDatabase> newDatabase,
                                 boolean local, Optional<Crash> crash, StopOnce.Action stopper) {
        this.label = label;
        this.database = Objects.requireNonNull(database, "database");
        this.newDatabase = Objects.requireNonNull(newDatabase, "newDatabase");
        this.local = local;
        this.crash = Objects.requireNonNull(crash, "crash");
        this.stop = new StopOnce(label, stopper);
    }

    /** A server started here, which {@code stopper} stops and deletes the data of; it cannot be killed. */
    static DatabaseServer started(String name, JdbcDatabase database, Supplier<JdbcDatabase> newDatabase,
                                  StopOnce.Action stopper) {
        return new DatabaseServerHandle(name, database, newDatabase, true, Optional.empty(), stopper);
    }

    /** A server started here that {@code crash} kills and restarts, and {@code stopper} stops for good. */
    static DatabaseServer started(String name, JdbcDatabase database, Supplier<JdbcDatabase> newDatabase,
                                  Crash crash, StopOnce.Action stopper) {
        return new DatabaseServerHandle(name, database, newDatabase, true, Optional.of(crash), stopper);
    }

    /** A server the environment names. */
    static DatabaseServer external(JdbcDatabase database, Supplier<JdbcDatabase> newDatabase) {
        // Not ours to stop.
        return new DatabaseServerHandle("external", database, newDatabase, false, Optional.empty(), () -> { });
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
    public void kill() {
        ServerProcesses.control("kill " + label, crashable("kill")::kill);
    }

    @Override
    public void restart() {
        ServerProcesses.control("restart " + label, crashable("restart")::restart);
    }

    private Crash crashable(String what) {
        return crash.orElseThrow(() -> new UnsupportedOperationException("cannot " + what + " " + this + ": "
                + (local ? "this kind of server cannot be killed and restarted from here" : "it was not started here")));
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
