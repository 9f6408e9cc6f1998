package io.annal.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server of one benchmark run: the one named by {@code --url}, or an embedded one
 * started with durable settings: the embedded server turns fsync, synchronous_commit and
 * full_page_writes off by default, which would make every commit nearly free.
 */
final class PgServer implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String url;

    private PgServer(EmbeddedPostgres embedded, String url) {
        this.embedded = embedded;
        this.url = url;
    }

    static PgServer start(String url) throws IOException {
        return start(url, false);
    }

    /** With {@code timeFunctions}, the embedded server times every function call (track_functions) and
     * every statement, nested ones too (pg_stat_statements). */
    static PgServer start(String url, boolean timeFunctions) throws IOException {
        if (url != null) {
            return new PgServer(null, url);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("track_functions", timeFunctions ? "all" : "none")
                .setServerConfig("shared_preload_libraries", timeFunctions ? "pg_stat_statements" : "")
                .setServerConfig("pg_stat_statements.track", timeFunctions ? "all" : "top")
                .setServerConfig("pg_stat_statements.track_planning", timeFunctions ? "on" : "off")
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        PgServer server = new PgServer(pg, pg.getJdbcUrl("postgres", "postgres"));
        if (timeFunctions) {
            try (Connection c = server.connect();
                    Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            } catch (SQLException e) {
                throw new IOException("pg_stat_statements: " + e.getMessage(), e);
            }
        }
        return server;
    }

    String url() {
        return url;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /**
     * Vacuums every table and writes every dirty page out, so that each target starts from the
     * same state: without it the targets measured later in a run meet the checkpoint and the
     * autovacuum that the earlier ones' writes brought on.
     */
    void settle() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE)");
            s.execute("CHECKPOINT");
        }
    }

    /** The settings that decide commit cost, to print next to the figures. */
    String describe() throws SQLException {
        StringBuilder out = new StringBuilder(embedded != null ? "embedded " : "external ");
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String setting : new String[] {"server_version", "fsync", "synchronous_commit", "wal_sync_method"}) {
                try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
                    rs.next();
                    out.append(setting).append('=').append(rs.getString(1)).append(' ');
                }
            }
        }
        return out.toString().trim();
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
