package io.annal.store.embedded.internal.index;

import io.annal.store.StreamName;
import java.util.Arrays;

/**
 * One stream's index: the log position of every version ever written (a compact, growing
 * {@code long[]}: 8 bytes per event) and its {@link StreamStatus}.
 *
 * <p>Thread safety: one writer (the appender, or recovery before the store opens), any number of
 * readers. The writer stores the element, then publishes the array and then the count through
 * volatile fields; a reader reads the count first, so every element below it is visible.
 */
public final class StreamEntry {

    private static final long[] NONE = new long[0];

    private final StreamName name;
    private volatile long[] positions = NONE;
    private volatile int count;
    private volatile StreamStatus status = StreamStatus.NEW;

    public StreamEntry(StreamName name) {
        this.name = name;
    }

    /** An entry restored from a checkpoint: {@code positions} is owned by the entry from now on. */
    StreamEntry(StreamName name, long[] positions, StreamStatus status) {
        this.name = name;
        this.positions = positions;
        this.count = positions.length;
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
        int size = count; // count first: every element below it is then visible
        long[] current = positions;
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (current[mid] <= last) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return Arrays.copyOf(current, low);
    }

    public long positionOf(long version) {
        return positions[(int) version];
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
        int size = count;
        if (size == current.length) {
            current = Arrays.copyOf(current, Math.max(4, size + (size >> 1)));
            current[size] = position;
            positions = current;
        } else {
            current[size] = position;
        }
        count = size + 1;
    }

    /** Whether reads should find this stream (written, or tombstoned). */
    public boolean isKnown() {
        return count > 0 || status.tombstoned();
    }
}
