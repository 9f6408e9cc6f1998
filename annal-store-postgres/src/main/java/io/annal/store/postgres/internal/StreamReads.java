package io.annal.store.postgres.internal;

import io.annal.store.Direction;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.StreamSlice;
import io.annal.store.StreamState;
import io.annal.store.spi.PageSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads one stream. The stream row and its events come from one statement, so the page and the
 * stream's state always agree.
 */
public final class StreamReads {

    private static final String FORWARD = query(">=", "ASC");
    private static final String BACKWARD = query("<=", "DESC");

    private final Database db;
    private final InstantSource clock;

    public StreamReads(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    private static String query(String comparison, String order) {
        return "SELECT s.state, s.last_version, " + EventRows.COLUMNS + " FROM streams s"
                + " LEFT JOIN LATERAL (SELECT e.* FROM events e WHERE e.stream = s.name AND e.version " + comparison
                + " ? AND " + Retention.LIVE_EVENT + " ORDER BY e.version " + order + " LIMIT ?) e"
                + " ON s.state = 'LIVE' WHERE s.name = ?";
    }

    /** What one read found: the stream's state (null when it has no row), last version and events. */
    private record Found(StreamState state, long lastVersion, List<RecordedEvent> events) {}

    public StreamSlice read(StreamName stream, long from, Direction direction, int maxCount) {
        Found found = query(stream, from, direction, maxCount + 1);
        if (found.state() == StreamState.TOMBSTONED) {
            throw new StreamDeletedException(stream);
        }
        if (found.state() != StreamState.LIVE) {
            throw new StreamNotFoundException(stream);
        }
        List<RecordedEvent> events = found.events();
        OptionalLong next = OptionalLong.empty();
        if (events.size() > maxCount) {
            events = events.subList(0, maxCount);
            long last = events.getLast().version();
            next = OptionalLong.of(direction == Direction.FORWARD ? last + 1 : last - 1);
        }
        return new StreamSlice(stream, events, found.lastVersion(), next);
    }

    /** The stream's last version when it has one, for subscriptions that start at the end. */
    public long lastVersionOrMinusOne(StreamName stream) {
        return query(stream, Long.MAX_VALUE, Direction.BACKWARD, 1).lastVersion();
    }

    /**
     * Pages for a stream subscription. No horizon is needed here: versions of one stream are
     * assigned under its lock (migration V6), so a later version never commits before an earlier one.
     */
    public PageSource pages(StreamName stream) {
        return OutageTolerantPages.wrap((after, maxCount) -> {
            Found found = query(stream, after + 1, Direction.FORWARD, maxCount);
            if (found.state() == StreamState.TOMBSTONED) {
                throw new StreamDeletedException(stream);
            }
            List<RecordedEvent> events = found.events();
            long scannedTo = events.isEmpty() ? after : events.getLast().version();
            return new PageSource.Page(events, scannedTo, events.size() < maxCount);
        });
    }

    private Found query(StreamName stream, long from, Direction direction, int limit) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(direction == Direction.FORWARD ? FORWARD : BACKWARD)) {
            ps.setLong(1, from);
            EventRows.setInstant(ps, 2, clock.instant());
            ps.setInt(3, limit);
            ps.setString(4, stream.value());
            StreamState state = null;
            long lastVersion = -1;
            List<RecordedEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String stateName = rs.getString(1);
                    state = stateName == null ? null : StreamState.valueOf(stateName);
                    lastVersion = rs.getLong(2);
                    if (rs.wasNull()) {
                        lastVersion = -1;
                    }
                    rs.getLong(3);
                    if (!rs.wasNull()) {
                        events.add(EventRows.event(rs, 3));
                    }
                }
            }
            return new Found(state, lastVersion, events);
        } catch (SQLException e) {
            throw Failures.storage("reading stream '" + stream + "'", e);
        }
    }
}
