package io.annal.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The PostgreSQL server the tests use: the one named by {@code ANNAL_TEST_PG_URL}, or else one
 * embedded server started once per test JVM. Every store gets a schema of its own.
 */
public final class TestPostgres {

    private static final String URL_VARIABLE = "ANNAL_TEST_PG_URL";
    private static final AtomicLong SCHEMAS = new AtomicLong();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static String url;

    // Held so that the level sticks: the logging framework keeps loggers only weakly.
    private static final java.util.logging.Logger FLYWAY = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        FLYWAY.setLevel(java.util.logging.Level.WARNING);
    }

    private TestPostgres() {}

    public static synchronized String url() {
        if (url == null) {
            String external = System.getenv(URL_VARIABLE);
            url = external != null && !external.isBlank() ? external : startEmbedded();
        }
        return url;
    }

    static boolean isEmbedded() {
        String external = System.getenv(URL_VARIABLE);
        return external == null || external.isBlank();
    }

    private static String startEmbedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .start();
            return pg.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
        }
    }

    /** A schema name no other store in this run uses. */
    public static String freshSchema() {
        return ("t_" + RUN + "_" + SCHEMAS.incrementAndGet()).toLowerCase(Locale.ROOT);
    }

    /** A configuration for a new store in a fresh schema. */
    static PostgresStoreConfig freshConfig() {
        return PostgresStoreConfig.forUrl(url(), null, null).withSchema(freshSchema());
    }

    /** A plain connection to the test server, outside any store. */
    static Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }
}
