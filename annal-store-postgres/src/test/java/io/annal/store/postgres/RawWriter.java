package io.annal.store.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes one stream's events with plain JDBC, the way another process following the store's
 * protocol would: the stream's lock ({@code lock_streams}) first, then positions from {@code
 * allocate_positions}, then the rows. Lets a test
 * hold a transaction open or roll it back, which the store's API never does.
 */
final class RawWriter implements AutoCloseable {

    private static final String INSERT = "INSERT INTO events (position, stream, version, id, type, data, metadata,"
            + " recorded_at) VALUES (?, ?, ?, ?, 'Raw', ?, '\\x7b7d'::bytea, ?)";
    private static final String UPSERT_STREAM = "INSERT INTO streams (name, sort_key, state, last_version, last_write)"
            + " VALUES (?, ?, 'LIVE', ?, ?) ON CONFLICT (name) DO UPDATE SET state = 'LIVE',"
            + " last_version = excluded.last_version, last_write = excluded.last_write";

    private final Connection connection;
    private final String stream;
    private long nextVersion;
    private long pendingVersion;

    RawWriter(String schema, String stream) throws SQLException {
        this.connection = TestPostgres.connect();
        this.stream = stream;
        try (Statement st = connection.createStatement()) {
            st.execute("SET search_path TO \"" + schema + "\"");
        }
        connection.setAutoCommit(false);
    }

    /** Begins writing {@code count} events in an open transaction; returns their positions. */
    List<Long> write(int count) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT lock_streams(ARRAY[?])")) {
            ps.setString(1, stream);
            ps.execute();
        }
        List<Long> positions = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT allocate_positions(?)")) {
            ps.setInt(1, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    positions.add(rs.getLong(1));
                }
            }
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        pendingVersion = nextVersion;
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            for (long position : positions) {
                ps.setLong(1, position);
                ps.setString(2, stream);
                ps.setLong(3, pendingVersion++);
                ps.setObject(4, UUID.randomUUID());
                ps.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
                ps.setObject(6, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = connection.prepareStatement(UPSERT_STREAM)) {
            ps.setString(1, stream);
            ps.setBytes(2, stream.getBytes(StandardCharsets.UTF_16BE));
            ps.setLong(3, pendingVersion - 1);
            ps.setObject(4, now);
            ps.executeUpdate();
        }
        return positions;
    }

    void commit() throws SQLException {
        connection.commit();
        nextVersion = pendingVersion;
    }

    void rollback() throws SQLException {
        connection.rollback();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
