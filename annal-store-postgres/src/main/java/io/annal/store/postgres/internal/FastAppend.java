package io.annal.store.postgres.internal;

import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.StoreLimits;
import io.annal.store.StreamAppend;
import io.annal.store.StreamName;
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
import java.util.TreeSet;
import java.util.UUID;

/**
 * The common batch in one round trip: the schema's {@code append_fast} checks and writes it, and
 * the connection's auto-commit commits it before the reply. It declines (writing no event) when a
 * part needs the full planning of {@link AppendTransaction}: a version that does not hold, a
 * deleted or tombstoned stream, an id already stored. Batches it cannot take at all, because an
 * event is too large or an id comes twice in one stream, are not sent.
 */
final class FastAppend {

    private static final String APPEND = "SELECT pos, version FROM append_fast(?::text[], ?::bytea[], ?::text[],"
            + " ?::bigint[], ?::integer[], ?::uuid[], ?::text[], ?::bytea[], ?::bytea[], ?, ?)";

    private final SchemaName schema;

    FastAppend(SchemaName schema) {
        this.schema = schema;
    }

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
        TreeSet<String> names = new TreeSet<>();
        List<String> partStreams = new ArrayList<>();
        List<Long> partExpected = new ArrayList<>();
        List<Integer> partSizes = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<byte[]> data = new ArrayList<>();
        List<byte[]> metadata = new ArrayList<>();
        for (PendingAppend request : batch) {
            for (StreamAppend part : request.parts()) {
                names.add(part.stream().value());
                partStreams.add(part.stream().value());
                partExpected.add(code(part.expectedVersion()));
                partSizes.add(part.events().size());
                for (EventData event : part.events()) {
                    ids.add(event.id());
                    types.add(event.type());
                    data.add(event.data());
                    metadata.add(event.metadata());
                }
            }
        }
        long[] positions = new long[ids.size()];
        long[] versions = new long[ids.size()];
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement(APPEND)) {
            ps.setArray(1, c.createArrayOf("text", names.toArray(String[]::new)));
            ps.setArray(
                    2,
                    c.createArrayOf(
                            "bytea",
                            names.stream()
                                    .map(n -> SortKeys.of(new StreamName(n)))
                                    .toArray(byte[][]::new)));
            ps.setArray(3, c.createArrayOf("text", partStreams.toArray(String[]::new)));
            ps.setArray(4, c.createArrayOf("bigint", partExpected.toArray(Long[]::new)));
            ps.setArray(5, c.createArrayOf("integer", partSizes.toArray(Integer[]::new)));
            ps.setArray(6, c.createArrayOf("uuid", ids.toArray(UUID[]::new)));
            ps.setArray(7, c.createArrayOf("text", types.toArray(String[]::new)));
            ps.setArray(8, c.createArrayOf("bytea", data.toArray(byte[][]::new)));
            ps.setArray(9, c.createArrayOf("bytea", metadata.toArray(byte[][]::new)));
            EventRows.setInstant(ps, 10, now);
            ps.setString(11, schema.channel());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    positions[rows] = rs.getLong(1);
                    versions[rows] = rs.getLong(2);
                    rows++;
                }
            }
        }
        if (rows == 0) {
            return Optional.empty();
        }
        if (rows != ids.size()) {
            throw new IllegalStateException("append_fast returned " + rows + " rows for " + ids.size() + " events");
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

    private static long code(ExpectedVersion expected) {
        return switch (expected) {
            case ExpectedVersion.Exact exact -> exact.version();
            case ExpectedVersion.NoStream n -> -1;
            case ExpectedVersion.Any a -> -2;
            case ExpectedVersion.Exists e -> -3;
        };
    }
}
