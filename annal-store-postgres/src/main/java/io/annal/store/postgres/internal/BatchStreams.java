package io.annal.store.postgres.internal;

import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamAppend;
import io.annal.store.StreamName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A batch as {@code append_batch} takes it: one entry per stream with the version it must have
 * before the batch, and the events in batch order with their stream and their rank in it. The
 * parts that go to one stream are folded here: after the first, an exact version v at rank c
 * means the stream had v - c before the batch; a part that cannot hold whatever the stream holds
 * (no stream after an earlier part, two exact versions that disagree) makes the whole batch go to
 * the planned path, which fails that part alone.
 */
final class BatchStreams {

    private static final long NO_STREAM = -1;
    private static final long ANY = -2;
    private static final long EXISTS = -3;

    final List<String> names = new ArrayList<>();
    final List<byte[]> sortKeys = new ArrayList<>();
    final List<String> eventStreams = new ArrayList<>();
    final List<UUID> ids = new ArrayList<>();
    final List<String> types = new ArrayList<>();
    final List<byte[]> data = new ArrayList<>();
    final List<byte[]> metadata = new ArrayList<>();
    private final List<long[]> codes = new ArrayList<>(); // per stream: {expected, events so far}
    private final List<Integer> ranks = new ArrayList<>();

    private BatchStreams() {}

    /** The batch folded per stream, or empty when a part's expected version cannot hold. */
    static Optional<BatchStreams> fold(List<PendingAppend> batch) {
        BatchStreams out = new BatchStreams();
        Map<String, Integer> index = new HashMap<>();
        for (PendingAppend request : batch) {
            for (StreamAppend part : request.parts()) {
                String name = part.stream().value();
                Integer at = index.get(name);
                long[] stream;
                if (at == null) {
                    index.put(name, out.names.size());
                    out.names.add(name);
                    out.sortKeys.add(SortKeys.of(new StreamName(name)));
                    stream = new long[] {code(part.expectedVersion()), 0};
                    out.codes.add(stream);
                } else {
                    stream = out.codes.get(at);
                    if (!continues(stream, part.expectedVersion())) {
                        return Optional.empty();
                    }
                }
                for (EventData event : part.events()) {
                    stream[1]++;
                    out.eventStreams.add(name);
                    out.ranks.add((int) stream[1]);
                    out.ids.add(event.id());
                    out.types.add(event.type());
                    out.data.add(event.data());
                    out.metadata.add(event.metadata());
                }
            }
        }
        return Optional.of(out);
    }

    long[] expected() {
        return codes.stream().mapToLong(c -> c[0]).toArray();
    }

    int[] sizes() {
        return codes.stream().mapToInt(c -> (int) c[1]).toArray();
    }

    int[] ranks() {
        return ranks.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Narrows the stream's requirement with a later part's; false when both cannot hold. */
    private static boolean continues(long[] stream, ExpectedVersion expected) {
        return switch (expected) {
            case ExpectedVersion.NoStream n -> false; // the earlier part created it
            case ExpectedVersion.Any a -> true;
            case ExpectedVersion.Exists e -> true;
            case ExpectedVersion.Exact exact -> narrow(stream, exact.version() - stream[1]);
        };
    }

    /** The stream must hold {@code needed} before the batch (-1: no stream), besides what it must already. */
    private static boolean narrow(long[] stream, long needed) {
        if (needed < NO_STREAM) {
            return false;
        }
        if (stream[0] == ANY || (stream[0] == EXISTS && needed >= 0)) {
            stream[0] = needed;
            return true;
        }
        return stream[0] == needed;
    }

    private static long code(ExpectedVersion expected) {
        return switch (expected) {
            case ExpectedVersion.Exact exact -> exact.version();
            case ExpectedVersion.NoStream n -> NO_STREAM;
            case ExpectedVersion.Any a -> ANY;
            case ExpectedVersion.Exists e -> EXISTS;
        };
    }
}
