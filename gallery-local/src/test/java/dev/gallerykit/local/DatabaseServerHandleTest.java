package dev.gallerykit.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How a database server handle stops: once if it was started here, never if the environment named it. */
class DatabaseServerHandleTest {

    private static final JdbcDatabase SHARED = new JdbcDatabase("jdbc:h2:mem:shared", "sa", "");
    private static final JdbcDatabase FRESH = new JdbcDatabase("jdbc:h2:mem:fresh", "sa", "");

    @Test
    @DisplayName("a started server stops on the first close only")
    void aStartedServerStopsOnce() {
        AtomicInteger stops = new AtomicInteger();
        DatabaseServer server = DatabaseServerHandle.started("MariaDB", SHARED, () -> FRESH, stops::incrementAndGet);

        server.close();
        server.close();

        assertThat(stops).hasValue(1);
        assertThat(server.local()).isTrue();
        assertThat(server.database()).isEqualTo(SHARED);
        assertThat(server.newDatabase()).isEqualTo(FRESH);
        assertThat(server).hasToString("MariaDB[" + SHARED + "]");
    }

    @Test
    @DisplayName("a failed stop names the server, and is not tried again")
    void aFailedStopNamesTheServer() {
        AtomicInteger stops = new AtomicInteger();
        DatabaseServer server = DatabaseServerHandle.started("PostgreSQL", SHARED, () -> FRESH, () -> {
            stops.incrementAndGet();
            throw new IOException("kill failed");
        });

        assertThatThrownBy(server::close).isInstanceOf(IllegalStateException.class)
                .hasMessage("PostgreSQL did not stop cleanly: kill failed")
                .hasCauseInstanceOf(IOException.class);
        server.close();
        assertThat(stops).hasValue(1);
    }

    @Test
    @DisplayName("an interrupted stop keeps the thread's interrupt")
    void anInterruptedStopKeepsTheInterrupt() {
        DatabaseServer server = DatabaseServerHandle.started("MySQL", SHARED, () -> FRESH, () -> {
            throw new InterruptedException();
        });
        try {
            assertThatThrownBy(server::close).isInstanceOf(IllegalStateException.class)
                    .hasMessage("interrupted while stopping MySQL");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    @DisplayName("an external server is not local and closing it does nothing")
    void anExternalServerIsLeftRunning() {
        DatabaseServer server = DatabaseServerHandle.external(SHARED, () -> FRESH);

        server.close();

        assertThat(server.local()).isFalse();
        assertThat(server.newDatabase()).isEqualTo(FRESH);
        assertThat(server).hasToString("external " + SHARED);
    }

    @Test
    @DisplayName("a server without a way to crash it, or an external one, cannot be killed or restarted")
    void onlyACrashableServerIsKilled() {
        DatabaseServer started = DatabaseServerHandle.started("MariaDB", SHARED, () -> FRESH, () -> { });
        DatabaseServer external = DatabaseServerHandle.external(SHARED, () -> FRESH);

        assertThatThrownBy(started::kill).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("cannot be killed and restarted from here");
        assertThatThrownBy(external::restart).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("not started here");
    }

    @Test
    @DisplayName("a kill and a restart go to the server's crash, and their failures name the server")
    void killAndRestartReachTheCrash() {
        AtomicInteger kills = new AtomicInteger();
        DatabaseServer server = DatabaseServerHandle.started("PostgreSQL", SHARED, () -> FRESH,
                new DatabaseServerHandle.Crash() {
                    @Override
                    public void kill() {
                        kills.incrementAndGet();
                    }

                    @Override
                    public void restart() throws IOException {
                        throw new IOException("port taken");
                    }
                }, () -> { });

        server.kill();

        assertThat(kills).hasValue(1);
        assertThatThrownBy(server::restart).isInstanceOf(IllegalStateException.class)
                .hasMessage("could not restart PostgreSQL: port taken");
    }
}
