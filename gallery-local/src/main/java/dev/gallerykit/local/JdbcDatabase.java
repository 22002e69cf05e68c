package dev.gallerykit.local;

import java.util.Objects;

/** One database on a SQL server: where to connect, and a user that may create tables in it. */
public record JdbcDatabase(String url, String user, String password) {

    public JdbcDatabase {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "JdbcDatabase[" + url + " as " + user + "]";
    }
}
