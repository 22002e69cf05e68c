package dev.gallerykit.jdbc;

import dev.gallerykit.domain.TextMatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 6: fills the folded search columns that migration 5 added, for the rows written before
 * them. The fold is {@link TextMatch#fold}, computed here in Java because no database's
 * {@code LOWER()} computes it. Rows go in pages of {@value #PAGE} by id, so a large table is not
 * read at once; the migration runs in one transaction.
 */
final class FoldSearchText implements JavaMigration {

    private static final int PAGE = 500;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6");
    }

    @Override
    public String getDescription() {
        return "fold search text";
    }

    @Override
    public Integer getChecksum() {
        return 6;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        fill(connection, "gallery_album", "name", "name_fold");
        fill(connection, "gallery_photo", "title", "title_fold");
    }

    /** Folds {@code text} and {@code description} of each row whose {@code fold} is still empty. */
    private static void fill(Connection connection, String table, String text, String fold) throws SQLException {
        String select = "SELECT id, " + text + ", description FROM " + table + " WHERE " + fold + " IS NULL ORDER BY id";
        String update = "UPDATE " + table + " SET " + fold + " = ?, description_fold = ? WHERE id = ?";
        try (PreparedStatement page = connection.prepareStatement(select);
                PreparedStatement write = connection.prepareStatement(update)) {
            page.setMaxRows(PAGE);
            int read;
            do {
                read = 0;
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        write.setString(1, TextMatch.fold(rows.getString(2)));
                        write.setString(2, TextMatch.fold(rows.getString(3)));
                        write.setObject(3, rows.getObject(1));
                        write.addBatch();
                        read++;
                    }
                }
                write.executeBatch();
            } while (read == PAGE);
        }
    }
}
