package io.annal.readmodels;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The PostgreSQL server the tests use: the one named by {@code ANNAL_TEST_PG_URL}, or else one
 * embedded server started once per test JVM. Every read-model database gets a schema of its own.
 */
public final class TestPostgres {

    private static final String URL_VARIABLE = "ANNAL_TEST_PG_URL";
    private static final AtomicLong SCHEMAS = new AtomicLong();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static String url;

    private TestPostgres() {}

    static synchronized String url() {
        if (url == null) {
            String external = System.getenv(URL_VARIABLE);
            url = external != null && !external.isBlank() ? external : startEmbedded();
        }
        return url;
    }

    private static String startEmbedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            return pg.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
        }
    }

    /** A small pool onto a schema no other test uses. Close it when done. */
    public static HikariDataSource freshPool() {
        String schema = "rm_" + RUN + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url());
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + schema, e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setPoolName("read-models-" + schema);
        return new HikariDataSource(config);
    }
}
