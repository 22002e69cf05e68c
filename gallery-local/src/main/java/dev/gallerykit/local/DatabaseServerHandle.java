package dev.gallerykit.local;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** A database server started here; it stops once, however often it is closed. */
final class StartedDatabaseServer implements DatabaseServer {

    /** Stops the server process and deletes its data. */
    interface Stopper {
        void stop() throws Exception;
    }

    private final String name;
    private final JdbcDatabase database;
    private final Supplier<JdbcDatabase> newDatabase;
    private final Stopper stopper;
    private final AtomicBoolean closed = new AtomicBoolean();

    StartedDatabaseServer(String name, JdbcDatabase database, Supplier<JdbcDatabase> newDatabase, Stopper stopper) {
        this.name = Objects.requireNonNull(name, "name");
        this.database = Objects.requireNonNull(database, "database");
        this.newDatabase = Objects.requireNonNull(newDatabase, "newDatabase");
        this.stopper = Objects.requireNonNull(stopper, "stopper");
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
        return true;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            stopper.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + name, e);
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not stop cleanly: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name + "[" + database + "]";
    }
}
