package dev.gallerykit.jdbc;

import dev.gallerykit.local.JdbcDatabase;

/** Galleries on the test kit's servers, with a pool large enough for the contracts' races (50 sign-ups at once). */
final class ServerRepositories {

    private ServerRepositories() {
    }

    static JdbcRepositories connect(JdbcDatabase database, JdbcDialect dialect) {
        return JdbcRepositories.builder().jdbcUrl(database.url()).username(database.user()).password(database.password())
                .dialect(dialect).maximumPoolSize(25).build();
    }
}
