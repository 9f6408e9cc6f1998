package io.annal.projection.jdbc;

import io.annal.projection.DeadLetter;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of {@code annal_dead_letters}. */
final class DeadLetters {

    private static final String COLUMNS = "id, projection, generation, event_position, stream, stream_version,"
            + " event_id, event_type, error, attempts, parked_at";

    private DeadLetters() {}

    static void park(
            Connection c,
            String projection,
            long generation,
            RecordedEvent event,
            String error,
            int attempts,
            Instant parkedAt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO annal_dead_letters (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, UUID.randomUUID().toString());
            s.setString(2, projection);
            s.setLong(3, generation);
            s.setLong(4, event.position().value());
            s.setString(5, event.stream().value());
            s.setLong(6, event.version());
            s.setString(7, event.id().toString());
            s.setString(8, event.type());
            s.setString(9, error);
            s.setInt(10, attempts);
            s.setLong(11, parkedAt.toEpochMilli());
            s.executeUpdate();
        }
    }

    static List<DeadLetter> of(Connection c, String projection) throws SQLException {
        return select(c, "WHERE projection = ? ORDER BY parked_at, event_position", projection);
    }

    static Optional<DeadLetter> byId(Connection c, String id) throws SQLException {
        return select(c, "WHERE id = ?", id).stream().findFirst();
    }

    /** Removes the dead letter; returns whether it was there. */
    static boolean remove(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM annal_dead_letters WHERE id = ?")) {
            s.setString(1, id);
            return s.executeUpdate() > 0;
        }
    }

    private static List<DeadLetter> select(Connection c, String where, String argument) throws SQLException {
        List<DeadLetter> letters = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM annal_dead_letters " + where)) {
            s.setString(1, argument);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    letters.add(new DeadLetter(
                            r.getString(1),
                            r.getString(2),
                            r.getLong(3),
                            Position.of(r.getLong(4)),
                            new StreamName(r.getString(5)),
                            r.getLong(6),
                            UUID.fromString(r.getString(7)),
                            r.getString(8),
                            r.getString(9),
                            r.getInt(10),
                            Instant.ofEpochMilli(r.getLong(11))));
                }
            }
        }
        return letters;
    }
}
