package io.annal.store.postgres.internal;

import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Reads events out of result sets and writes timestamps into statements, one way everywhere. */
final class EventRows {

    /** The event columns, in the order {@link #event} reads them, for table alias {@code e}. */
    static final String COLUMNS = "e.position, e.stream, e.version, e.id, e.type, e.data, e.metadata, e.recorded_at";

    private EventRows() {}

    /** Reads the eight {@link #COLUMNS} starting at column {@code first}. */
    static RecordedEvent event(ResultSet rs, int first) throws SQLException {
        return new RecordedEvent(
                new StreamName(rs.getString(first + 1)),
                rs.getLong(first + 2),
                Position.of(rs.getLong(first)),
                rs.getObject(first + 3, UUID.class),
                rs.getString(first + 4),
                rs.getBytes(first + 5),
                rs.getBytes(first + 6),
                instant(rs, first + 7));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
