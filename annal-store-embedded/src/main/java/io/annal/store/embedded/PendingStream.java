package io.annal.store.embedded;

import io.annal.store.embedded.internal.index.StreamEntry;
import io.annal.store.embedded.internal.index.StreamStatus;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * One stream as the current batch leaves it: the durable entry plus what earlier requests of the
 * batch added, which is not yet visible to readers.
 *
 * <p>The ids of the pending events are kept in primitive arrays, not a map of boxed values: one
 * append of 1,000 events would otherwise allocate thousands of objects on the appender thread. A
 * lookup scans them while they are few and builds a small open-addressing table once they are many.
 */
final class PendingStream {

    private static final int SCAN_LIMIT = 16;
    private static final long[] NONE = new long[0];

    final StreamEntry entry;
    final int durableCount;
    int count;
    StreamStatus status;
    private long[] positions = NONE;
    private long[] msbs = NONE;
    private long[] lsbs = NONE;
    private int[] table; // pending index + 1 by hash of the id; null until needed

    PendingStream(StreamEntry entry) {
        this.entry = entry;
        this.durableCount = entry.count();
        this.count = durableCount;
        this.status = entry.status();
    }

    void add(UUID id, long position) {
        int index = count - durableCount;
        if (index == positions.length) {
            int length = Math.max(8, index * 2);
            positions = Arrays.copyOf(positions, length);
            msbs = Arrays.copyOf(msbs, length);
            lsbs = Arrays.copyOf(lsbs, length);
        }
        positions[index] = position;
        msbs[index] = id.getMostSignificantBits();
        lsbs[index] = id.getLeastSignificantBits();
        count++;
        if (table != null) {
            if ((index + 1) * 2 > table.length) {
                table = null; // rebuilt larger on the next lookup
            } else {
                insert(table, index);
            }
        }
    }

    /** The version this batch gave {@code id}, if it did; -1 otherwise. */
    int pendingVersionOf(UUID id) {
        int pending = count - durableCount;
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        if (pending <= SCAN_LIMIT) {
            for (int i = 0; i < pending; i++) {
                if (msbs[i] == msb && lsbs[i] == lsb) {
                    return durableCount + i;
                }
            }
            return -1;
        }
        if (table == null) {
            table = new int[Integer.highestOneBit(pending) << 2];
            for (int i = 0; i < pending; i++) {
                insert(table, i);
            }
        }
        int mask = table.length - 1;
        for (int at = hash(msb, lsb) & mask; table[at] != 0; at = (at + 1) & mask) {
            int i = table[at] - 1;
            if (msbs[i] == msb && lsbs[i] == lsb) {
                return durableCount + i;
            }
        }
        return -1;
    }

    private void insert(int[] slots, int index) {
        int mask = slots.length - 1;
        int at = hash(msbs[index], lsbs[index]) & mask;
        while (slots[at] != 0) {
            at = (at + 1) & mask;
        }
        slots[at] = index + 1;
    }

    private static int hash(long msb, long lsb) {
        long h = (msb ^ lsb) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
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
