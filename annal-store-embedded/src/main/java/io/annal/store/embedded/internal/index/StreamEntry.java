package io.annal.store.embedded.internal.index;

import io.annal.store.StreamName;
import java.util.Arrays;

/**
 * One stream's index: the log position of every version ever written (a compact, growing
 * {@code long[]}: 8 bytes per event) and its {@link StreamStatus}. The versions restored from a
 * checkpoint stay in a slice of one array shared by all streams (allocated once, outside the young
 * generation, so open does not make the collector copy every stream's positions); later versions
 * go to the entry's own array.
 *
 * <p>Thread safety: one writer (the appender, or recovery before the store opens), any number of
 * readers. The writer stores the element, then publishes the array and then the count through
 * volatile fields; a reader reads the count first, so every element below it is visible.
 */
public final class StreamEntry {

    private static final long[] NONE = new long[0];

    private final StreamName name;
    private final long[] restored;
    private final int restoredFrom;
    private final int restoredCount;
    private volatile long[] positions = NONE;
    private volatile int count;
    private volatile StreamStatus status = StreamStatus.NEW;

    public StreamEntry(StreamName name) {
        this(name, NONE, 0, 0, StreamStatus.NEW);
    }

    /** An entry restored from a checkpoint: its first {@code count} positions are {@code shared[from..]}. */
    StreamEntry(StreamName name, long[] shared, int from, int count, StreamStatus status) {
        this.name = name;
        this.restored = shared;
        this.restoredFrom = from;
        this.restoredCount = count;
        this.count = count;
        this.status = status;
    }

    public StreamName name() {
        return name;
    }

    /** Number of versions ever written; the last version is {@code count() - 1}. */
    public int count() {
        return count;
    }

    /** The positions of the versions written at or before global position {@code last}. */
    long[] positionsUpTo(long last) {
        int low = 0;
        int high = count; // count first: every element below it is then visible
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (positionOf(mid) <= last) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        long[] upTo = new long[low];
        int fromRestored = Math.min(low, restoredCount);
        System.arraycopy(restored, restoredFrom, upTo, 0, fromRestored);
        System.arraycopy(positions, 0, upTo, fromRestored, low - fromRestored);
        return upTo;
    }

    public long positionOf(long version) {
        return version < restoredCount
                ? restored[restoredFrom + (int) version]
                : positions[(int) (version - restoredCount)];
    }

    public StreamStatus status() {
        return status;
    }

    public void setStatus(StreamStatus status) {
        this.status = status;
    }

    /** Adds the next version's position (writer only). */
    @SuppressWarnings("NonAtomicVolatileUpdate") // single writer
    public void add(long position) {
        long[] current = positions;
        int size = count - restoredCount;
        if (size == current.length) {
            current = Arrays.copyOf(current, Math.max(4, size + (size >> 1)));
            current[size] = position;
            positions = current;
        } else {
            current[size] = position;
        }
        count = restoredCount + size + 1;
    }

    /** Whether reads should find this stream (written, or tombstoned). */
    public boolean isKnown() {
        return count > 0 || status.tombstoned();
    }
}
