package io.annal.store.embedded;

import io.annal.store.embedded.internal.index.StreamEntry;
import io.annal.store.embedded.internal.index.StreamStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One stream as the current batch leaves it: the durable entry plus what earlier requests of the
 * batch added, which is not yet visible to readers.
 */
final class PendingStream {

    final StreamEntry entry;
    final int durableCount;
    int count;
    StreamStatus status;
    private long[] positions = new long[0];
    private Map<UUID, Integer> versionsById;

    PendingStream(StreamEntry entry) {
        this.entry = entry;
        this.durableCount = entry.count();
        this.count = durableCount;
        this.status = entry.status();
    }

    void add(UUID id, long position) {
        int index = count - durableCount;
        if (index == positions.length) {
            positions = java.util.Arrays.copyOf(positions, Math.max(8, index * 2));
        }
        positions[index] = position;
        if (versionsById == null) {
            versionsById = new HashMap<>();
        }
        versionsById.put(id, count);
        count++;
    }

    /** The version this batch gave {@code id}, if it did. */
    int pendingVersionOf(UUID id) {
        if (versionsById == null) {
            return -1;
        }
        Integer version = versionsById.get(id);
        return version == null ? -1 : version;
    }

    long positionOf(long version) {
        return version < durableCount ? entry.positionOf(version) : positions[(int) (version - durableCount)];
    }

    /** The last live version, empty when the stream does not exist or is soft-deleted. */
    Optional<Long> current() {
        return count == 0 || status.deleted() ? Optional.empty() : Optional.of((long) count - 1);
    }

    Optional<Long> lastWritten() {
        return count == 0 ? Optional.empty() : Optional.of((long) count - 1);
    }
}
