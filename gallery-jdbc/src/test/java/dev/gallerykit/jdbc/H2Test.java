package dev.gallerykit.jdbc;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("On H2 (in-process)")
class H2Test extends JdbcAdapterSuite {

    private static JdbcRepositories db;

    @BeforeAll
    static void connect() {
        db = inMemory("gallery-" + UUID.randomUUID());
        db.migrate();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static JdbcRepositories inMemory(String name) {
        return JdbcRepositories.builder().jdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
                .maximumPoolSize(20).build();
    }

    @Override
    protected JdbcRepositories db() {
        return db;
    }

    @Override
    protected JdbcRepositories emptyDatabase() {
        return inMemory("empty-" + UUID.randomUUID());
    }
}
