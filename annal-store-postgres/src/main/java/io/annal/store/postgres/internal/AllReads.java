package io.annal.store.postgres.internal;

import io.annal.store.AllSlice;
import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.spi.PageSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the global order. {@link #read} shows every committed event, as a point-in-time read.
 * {@link #pages} feeds {@code $all} subscriptions and shows only events written by transactions
 * below the snapshot's xmin horizon: every transaction that could still commit a lower position has
 * then finished, so a subscription that moves past a position never has to look back (ADR 0006).
 */
public final class AllReads {

    /** Selects events live in a live stream and matching the filter; parameters: now, types, prefixes. */
    private static final String SELECTED = "(s.state = 'LIVE' AND " + Retention.LIVE_EVENT
            + " AND (cardinality(?::text[]) = 0 OR e.type = ANY (?::text[]))"
            + " AND (cardinality(?::text[]) = 0"
            + " OR EXISTS (SELECT 1 FROM unnest(?::text[]) AS p(prefix) WHERE starts_with(e.stream, p.prefix))))";

    private static final String READ_FORWARD = "SELECT " + EventRows.COLUMNS
            + " FROM events e JOIN streams s ON s.name = e.stream WHERE e.position >= ? AND " + SELECTED
            + " ORDER BY e.position LIMIT ?";
    private static final String READ_BACKWARD = "SELECT " + EventRows.COLUMNS
            + " FROM events e JOIN streams s ON s.name = e.stream WHERE e.position <= ? AND " + SELECTED
            + " ORDER BY e.position DESC LIMIT ?";
    private static final String HEAD = "SELECT max(position) FROM events";

    // The horizon is a sub-select so that it is computed once, from the statement's own snapshot.
    private static final String PAGE_BELOW_HORIZON = "SELECT selected, position, stream, version, id, type,"
            + " CASE WHEN selected THEN data END, CASE WHEN selected THEN metadata END, recorded_at FROM ("
            + " SELECT e.*, COALESCE(" + SELECTED + ", false) AS selected"
            + " FROM events e LEFT JOIN streams s ON s.name = e.stream"
            + " WHERE e.position > ? AND e.tx < (SELECT pg_snapshot_xmin(pg_current_snapshot()))"
            + " ORDER BY e.position LIMIT ?) AS page ORDER BY position";

    private final Database db;
    private final InstantSource clock;

    public AllReads(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    public AllSlice read(Position from, Direction direction, int maxCount, EventFilter filter) {
        try (Connection c = db.connection();
                PreparedStatement ps =
                        c.prepareStatement(direction == Direction.FORWARD ? READ_FORWARD : READ_BACKWARD)) {
            ps.setLong(1, from.value());
            int next = setSelection(c, ps, 2, filter);
            ps.setInt(next, maxCount + 1);
            List<RecordedEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(EventRows.event(rs, 1));
                }
            }
            if (events.size() <= maxCount) {
                return new AllSlice(events, Optional.empty());
            }
            events = events.subList(0, maxCount);
            long last = events.getLast().position().value();
            return new AllSlice(events, Optional.of(Position.of(direction == Direction.FORWARD ? last + 1 : last - 1)));
        } catch (SQLException e) {
            throw Failures.storage("reading all streams", e);
        }
    }

    public Optional<Position> headPosition() {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(HEAD);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            long head = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(Position.of(head));
        } catch (SQLException e) {
            throw Failures.storage("reading the head position", e);
        }
    }

    /** Pages for a {@code $all} subscription, read only below the transaction horizon. */
    public PageSource pages(EventFilter filter) {
        return OutageTolerantPages.wrap((after, maxCount) -> page(after, maxCount, filter));
    }

    private PageSource.Page page(long after, int maxCount, EventFilter filter) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(PAGE_BELOW_HORIZON)) {
            int next = setSelection(c, ps, 1, filter);
            ps.setLong(next, after);
            ps.setInt(next + 1, maxCount);
            List<RecordedEvent> events = new ArrayList<>();
            long scannedTo = after;
            int scanned = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    scanned++;
                    scannedTo = rs.getLong(2);
                    if (rs.getBoolean(1)) {
                        events.add(EventRows.event(rs, 2));
                    }
                }
            }
            return new PageSource.Page(events, scannedTo, scanned < maxCount);
        } catch (SQLException e) {
            throw Failures.storage("reading all streams for a subscription", e);
        }
    }

    private int setSelection(Connection c, PreparedStatement ps, int first, EventFilter filter) throws SQLException {
        EventRows.setInstant(ps, first, clock.instant());
        String[] types = filter.types().toArray(String[]::new);
        String[] prefixes = filter.streamPrefixes().toArray(String[]::new);
        ps.setArray(first + 1, c.createArrayOf("text", types));
        ps.setArray(first + 2, c.createArrayOf("text", types));
        ps.setArray(first + 3, c.createArrayOf("text", prefixes));
        ps.setArray(first + 4, c.createArrayOf("text", prefixes));
        return first + 5;
    }
}
