package io.annal.store.postgres.internal;

import io.annal.store.ExpectedVersion;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.WrongExpectedVersionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.OptionalLong;

/**
 * Soft delete, tombstone and metadata changes. Each runs in its own transaction holding the
 * stream's lock ({@link StreamLocks}), so it is ordered with the appends to that stream.
 */
public final class StreamChanges {

    private static final String SOFT_DELETE = "UPDATE streams SET state = 'DELETED', deleted_before = last_version + 1,"
            + " truncate_before = last_version + 1 WHERE name = ?";
    private static final String TOMBSTONE = "INSERT INTO streams (name, sort_key, state) VALUES (?, ?, 'TOMBSTONED')"
            + " ON CONFLICT (name) DO UPDATE SET state = 'TOMBSTONED'";
    private static final String SET_METADATA = "UPDATE streams SET max_count = ?, max_age = ?,"
            + " max_age_micros = ?, truncate_before = ?, custom = ? WHERE name = ?";

    private final Database db;

    public StreamChanges(Database db) {
        this.db = db;
    }

    @FunctionalInterface
    private interface Change {
        void apply(Connection c, StreamRecord stream) throws SQLException;
    }

    public void delete(StreamName stream, ExpectedVersion expected) {
        change("deleting stream '" + stream + "'", stream, (c, row) -> {
            if (row.isTombstoned()) {
                throw new StreamDeletedException(stream);
            }
            if (row.current().isEmpty()) {
                throw new StreamNotFoundException(stream);
            }
            requireExpected(row, expected);
            update(c, SOFT_DELETE, stream);
        });
    }

    public void tombstone(StreamName stream, ExpectedVersion expected) {
        change("tombstoning stream '" + stream + "'", stream, (c, row) -> {
            if (row.isTombstoned()) {
                throw new StreamDeletedException(stream);
            }
            requireExpected(row, expected);
            try (PreparedStatement ps = c.prepareStatement(TOMBSTONE)) {
                ps.setString(1, stream.value());
                ps.setBytes(2, SortKeys.of(stream));
                ps.executeUpdate();
            }
        });
    }

    public void setMetadata(StreamName stream, StreamMetadata metadata) {
        change("setting the metadata of stream '" + stream + "'", stream, (c, row) -> {
            if (row.isTombstoned()) {
                throw new StreamDeletedException(stream);
            }
            try (PreparedStatement ps = c.prepareStatement(SET_METADATA)) {
                OptionalLong maxCount = metadata.maxCount();
                OptionalLong truncateBefore = metadata.truncateBefore();
                setLong(ps, 1, maxCount.isPresent() ? maxCount.getAsLong() : null);
                ps.setString(2, metadata.maxAge().map(Object::toString).orElse(null));
                setLong(ps, 3, metadata.maxAge().map(StreamChanges::micros).orElse(null));
                setLong(ps, 4, truncateBefore.isPresent() ? truncateBefore.getAsLong() : null);
                ps.setBytes(5, metadata.custom());
                ps.setString(6, stream.value());
                ps.executeUpdate();
            }
        });
    }

    private static long micros(java.time.Duration age) {
        long seconds = age.getSeconds();
        if (seconds >= Retention.MAX_AGE_MICROS / 1_000_000) {
            return Retention.MAX_AGE_MICROS;
        }
        return seconds * 1_000_000 + (age.getNano() + 999) / 1_000;
    }

    private static void requireExpected(StreamRecord row, ExpectedVersion expected) {
        if (!expected.isMetBy(row.current(), row.lastWritten())) {
            throw new WrongExpectedVersionException(row.name, expected, row.current());
        }
    }

    private void change(String operation, StreamName stream, Change change) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                change.apply(c, StreamLocks.lock(c, List.of(stream)).get(stream));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Failures.storage(operation, e);
        }
    }

    private static void update(Connection c, String sql, StreamName stream) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, stream.value());
            ps.executeUpdate();
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
