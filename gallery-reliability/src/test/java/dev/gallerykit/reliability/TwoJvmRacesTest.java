package dev.gallerykit.reliability;

import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.local.LocalMariaDb;
import dev.gallerykit.local.LocalPostgres;
import dev.gallerykit.local.LocalS3;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11: two gallery instances in two JVMs, on one database and one bucket, race the scenarios
 * of the photo and album races ({@link TwoJvmRaces}), with the records on MariaDB, on PostgreSQL and
 * on DynamoDB Local and the blobs on S3Proxy. Each store gets a database (or table prefix) and a bucket
 * of its own, and a second JVM that lives as long as its tests.
 */
@DisplayName("Two gallery instances in two JVMs on one store and one bucket")
@ExtendWith(LocalS3.class)
class TwoJvmRacesTest {

    /** The races with both JVMs on one MariaDB database: row locks, unique indexes and foreign keys decide. */
    @Nested
    @DisplayName("records on MariaDB 11.4, blobs on S3Proxy")
    @ExtendWith(LocalMariaDb.class)
    class OnMariaDb extends TwoJvmRaces {

        @BeforeAll
        void connect(DatabaseServer server, LocalS3.Endpoint s3) {
            connect(new Wiring(new Wiring.Sql(server.newDatabase(), JdbcDialect.MARIADB), s3,
                    s3.newBucketName("two-jvm-mariadb"), aSecret()), "worker-mariadb");
        }
    }

    /** The races with both JVMs on one PostgreSQL database: the same constraints, another engine's locking. */
    @Nested
    @DisplayName("records on PostgreSQL 14, blobs on S3Proxy")
    @ExtendWith(LocalPostgres.class)
    class OnPostgres extends TwoJvmRaces {

        @BeforeAll
        void connect(DatabaseServer server, LocalS3.Endpoint s3) {
            connect(new Wiring(new Wiring.Sql(server.newDatabase(), JdbcDialect.POSTGRES), s3,
                    s3.newBucketName("two-jvm-postgres"), aSecret()), "worker-postgres");
        }
    }

    /** The races with both JVMs on one set of DynamoDB tables: conditional writes and transactions decide. */
    @Nested
    @DisplayName("records on DynamoDB Local, blobs on S3Proxy")
    @ExtendWith(LocalDynamoDb.class)
    class OnDynamoDb extends TwoJvmRaces {

        @BeforeAll
        void connect(LocalDynamoDb.Endpoint dynamo, LocalS3.Endpoint s3) {
            connect(new Wiring(new Wiring.Dynamo(dynamo, LocalDynamoDb.tablePrefix() + "two-jvm-"), s3,
                    s3.newBucketName("two-jvm-dynamodb"), aSecret()), "worker-dynamodb");
        }
    }

    /** The secret every instance of one deployment is configured with. */
    private static byte[] aSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
