package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.jdbc.JdbcRepositories;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up when a read of the users table answers through the repositories' own connections: the
 * database is reachable and the gallery tables are there. {@link JdbcRepositories} does not hand
 * out its DataSource, so the round trip goes through a repository.
 */
final class JdbcStoreHealthIndicator extends AbstractHealthIndicator {

    /** An address no user can have ({@code .invalid} is reserved), so the read finds nothing. */
    private static final String PROBE = "health-check@gallerykit.invalid";

    private final JdbcRepositories repositories;

    JdbcStoreHealthIndicator(JdbcRepositories repositories) {
        super("GalleryKit JDBC store health check failed");
        this.repositories = repositories;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        repositories.users().findByEmail(PROBE);
        builder.up().withDetail("dialect", repositories.dialect().name());
    }
}
