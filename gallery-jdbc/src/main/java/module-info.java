/**
 * The album, photo, user and session repositories on SQL (H2, MariaDB, MySQL 8, PostgreSQL), built by
 * {@link dev.gallerykit.jdbc.JdbcRepositories}.
 */
// flyway-core has no module descriptor and no Automatic-Module-Name: its name comes from the jar's file
// name. The migrations are resources in packages of their own, opened so that Flyway can find them;
// javac cannot see resources, hence "opens".
@SuppressWarnings({"requires-automatic", "opens"})
module dev.gallerykit.jdbc {
    exports dev.gallerykit.jdbc;

    requires transitive dev.gallerykit.api;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires flyway.core;
    requires org.jooq;

    opens db.gallerykit.h2;
    opens db.gallerykit.mysql;
    opens db.gallerykit.postgresql;
}
