package io.annal.store.postgres.internal;

import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.Position;
import io.annal.store.StoreLimits;
import io.annal.store.StreamAppend;
import io.annal.store.postgres.internal.AppendTransaction.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The common batch in one round trip: the schema's {@code append_batch} checks and writes it, and
 * the connection's auto-commit commits it before the reply. It declines (writing no event) when a
 * part needs the full planning of {@link AppendTransaction}: a version that does not hold, a
 * deleted or tombstoned stream, an id already stored (which the events' unique index refuses).
 * Batches it cannot take at all, because an event is too large or an id comes twice in one stream,
 * are not sent.
 */
final class FastAppend {

    private static final String APPEND = "SELECT pos, version FROM append_batch(?::text[], ?::bytea[], ?::bigint[],"
            + " ?::integer[], ?::text[], ?::integer[], ?::uuid[], ?::text[], ?::bytea[], ?::bytea[], ?)";
    private static final String UNIQUE_VIOLATION = "23505";

    /** Whether {@link #append} may take the batch. */
    static boolean accepts(List<PendingAppend> batch) {
        Set<AppendPlanner.EventKey> keys = new HashSet<>();
        for (PendingAppend request : batch) {
            for (StreamAppend part : request.parts()) {
                for (EventData event : part.events()) {
                    if (event.size() > StoreLimits.MAX_EVENT_SIZE
                            || !keys.add(new AppendPlanner.EventKey(part.stream(), event.id()))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Appends and commits the batch on {@code c} (in auto-commit), or declines with nothing written. */
    Optional<List<Outcome>> append(Connection c, List<PendingAppend> batch, Instant now) throws SQLException {
        Optional<BatchStreams> folded = BatchStreams.fold(batch);
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        BatchStreams streams = folded.get();
        int count = streams.ids.size();
        long[] positions = new long[count];
        long[] versions = new long[count];
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement(APPEND)) {
            ps.setArray(1, c.createArrayOf("text", streams.names.toArray(String[]::new)));
            ps.setArray(2, c.createArrayOf("bytea", streams.sortKeys.toArray(byte[][]::new)));
            ps.setObject(3, streams.expected());
            ps.setObject(4, streams.sizes());
            ps.setArray(5, c.createArrayOf("text", streams.eventStreams.toArray(String[]::new)));
            ps.setObject(6, streams.ranks());
            ps.setArray(7, c.createArrayOf("uuid", streams.ids.toArray(UUID[]::new)));
            ps.setArray(8, c.createArrayOf("text", streams.types.toArray(String[]::new)));
            ps.setArray(9, c.createArrayOf("bytea", streams.data.toArray(byte[][]::new)));
            ps.setArray(10, c.createArrayOf("bytea", streams.metadata.toArray(byte[][]::new)));
            EventRows.setInstant(ps, 11, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    positions[rows] = rs.getLong(1);
                    versions[rows] = rs.getLong(2);
                    rows++;
                }
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return Optional.empty(); // an id already stored: the planned path reports it per append
            }
            throw e;
        }
        if (rows == 0) {
            return Optional.empty();
        }
        if (rows != count) {
            throw new IllegalStateException("append_batch returned " + rows + " rows for " + count + " events");
        }
        return Optional.of(outcomes(batch, positions, versions, now));
    }

    private static List<Outcome> outcomes(List<PendingAppend> batch, long[] positions, long[] versions, Instant now) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        int next = 0;
        for (PendingAppend request : batch) {
            List<AppendResult> results = new ArrayList<>(request.parts().size());
            for (StreamAppend part : request.parts()) {
                int first = next;
                int last = next + part.events().size() - 1;
                results.add(new AppendResult(
                                part.stream(),
                                versions[first],
                                versions[last],
                                Position.of(positions[first]),
                                Position.of(positions[last]),
                                false)
                        .withRecordedAt(now));
                next = last + 1;
            }
            outcomes.add(new Outcome(results, null));
        }
        return outcomes;
    }
}
