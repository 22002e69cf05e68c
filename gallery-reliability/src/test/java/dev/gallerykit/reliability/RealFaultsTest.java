package dev.gallerykit.reliability;

import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.local.LocalMariaDb;
import dev.gallerykit.local.LocalPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The real-fault scenarios ({@link RealFaultScenarios}) on each SQL server that gallery-local can
 * kill and restart in place, each with a PostgreSQL or MariaDB server and an S3Proxy of its own.
 */
@DisplayName("Real faults: S3Proxy stopped and the database killed mid-operation")
class RealFaultsTest {

    @Nested
    @DisplayName("records on PostgreSQL 14, blobs on S3Proxy")
    class OnPostgres extends RealFaultScenarios {
        @Override
        DatabaseServer startDatabase() {
            return LocalPostgres.start();
        }

        @Override
        JdbcDialect dialect() {
            return JdbcDialect.POSTGRES;
        }
    }

    @Nested
    @DisplayName("records on MariaDB 11.4, blobs on S3Proxy")
    class OnMariaDb extends RealFaultScenarios {
        @Override
        DatabaseServer startDatabase() {
            return LocalMariaDb.start();
        }

        @Override
        JdbcDialect dialect() {
            return JdbcDialect.MARIADB;
        }
    }
}
