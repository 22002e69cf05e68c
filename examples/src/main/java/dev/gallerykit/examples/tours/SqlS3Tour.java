package dev.gallerykit.examples.tours;

import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.local.JdbcDatabase;
import dev.gallerykit.local.LocalMariaDb;
import dev.gallerykit.local.LocalMySql;
import dev.gallerykit.local.LocalPostgres;
import java.io.PrintStream;

/**
 * The tour with the records in SQL and the photos in S3: H2 in memory by default, the database of
 * {@code --jdbc-url} (MySQL, MariaDB, PostgreSQL), or a server it starts with {@code --database}, migrated on start; S3 and mail on {@code LocalCloud},
 * LocalStack or AWS (see {@link TourSettings}). Run {@code --help} for the options.
 */
public final class SqlS3Tour {

    private SqlS3Tour() {
    }

    public static void main(String[] args) {
        TourLauncher.main("SqlS3Tour", args, SqlS3Tour::run);
    }

    static TourReport run(TourSettings settings, PrintStream out) {
        // A resource may be null in try-with-resources: then there is no server to stop.
        try (DatabaseServer server = settings.database().map(SqlS3Tour::start).orElse(null);
             TourCloud cloud = TourCloud.open(settings, false, out);
             JdbcRepositories db = connect(server == null ? settings.jdbc() : jdbc(server.database()))) {
            int migrations = db.migrate();
            String where = server != null ? " on a server started for the tour, " + server.database().url()
                    : settings.jdbc().isDefault() ? " in memory" : " at " + settings.jdbc();
            TourLauncher.heading(out, "SQL (" + db.dialect() + where + ")", settings, cloud);
            out.println("  schema: migrated (" + migrations + (migrations == 1 ? " migration" : " migrations") + " applied)");
            return new GalleryTour(out).run(cloud.wire(db.users(), db.albums(), db.photos(), db.sessions()));
        }
    }

    private static DatabaseServer start(String database) {
        return switch (database) {
            case "mariadb" -> LocalMariaDb.start();
            case "mysql" -> LocalMySql.start();
            case "postgres" -> LocalPostgres.start();
            default -> throw new IllegalArgumentException("no local database server named '" + database + "'");
        };
    }

    private static TourSettings.Jdbc jdbc(JdbcDatabase database) {
        return new TourSettings.Jdbc(database.url(), database.user(), database.password());
    }

    private static JdbcRepositories connect(TourSettings.Jdbc jdbc) {
        return JdbcRepositories.builder().jdbcUrl(jdbc.url()).username(jdbc.user()).password(jdbc.password()).build();
    }
}
