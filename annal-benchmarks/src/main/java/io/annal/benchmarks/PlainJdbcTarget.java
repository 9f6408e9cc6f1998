package io.annal.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;

/**
 * The floor to compare with: single-row INSERTs into a simple events table. One event is one
 * INSERT in auto-commit mode; a batch is a JDBC batch of INSERTs in one explicit transaction.
 */
final class PlainJdbcTarget implements PgTarget {

    private static final String INSERT = "INSERT INTO events (stream, version, id, type, data) VALUES (?, ?, ?, ?, ?)";

    private final HikariDataSource pool;

    PlainJdbcTarget(String url, String schema, int connections) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(connections);
        config.setConnectionInitSql("SET search_path TO " + schema);
        this.pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE TABLE " + schema + ".events (position bigserial PRIMARY KEY, stream text NOT NULL,"
                    + " version bigint NOT NULL, id uuid NOT NULL UNIQUE, type text NOT NULL, data bytea NOT NULL,"
                    + " recorded_at timestamptz NOT NULL DEFAULT now(), UNIQUE (stream, version))");
        }
    }

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public Writer writer() {
        String stream = "bench-" + UUID.randomUUID();
        return new Writer() {
            private long next;

            @Override
            public void append(int count, byte[] payload) throws Exception {
                try (Connection c = pool.getConnection();
                        PreparedStatement ps = c.prepareStatement(INSERT)) {
                    if (count == 1) {
                        bind(ps, payload);
                        ps.executeUpdate();
                        return;
                    }
                    c.setAutoCommit(false);
                    try {
                        for (int i = 0; i < count; i++) {
                            bind(ps, payload);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                        c.commit();
                    } finally {
                        c.setAutoCommit(true);
                    }
                }
            }

            private void bind(PreparedStatement ps, byte[] payload) throws Exception {
                ps.setString(1, stream);
                ps.setLong(2, next++);
                ps.setObject(3, UUID.randomUUID());
                ps.setString(4, "BenchmarkEvent");
                ps.setBytes(5, payload);
            }
        };
    }

    @Override
    public void close() {
        pool.close();
    }
}
