package io.annal.store.embedded.internal.index;

import java.util.Arrays;

/**
 * The global positions of every event, in order: 8 bytes per event in fixed-size chunks, so it
 * grows without copying the data. Positions are strictly increasing, so a position is found by
 * binary search.
 *
 * <p>Thread safety: one writer, any number of readers, published through the volatile size as in
 * {@link StreamEntry}.
 */
public final class PositionList {

    private static final int CHUNK_BITS = 14;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private volatile long[][] chunks = new long[0][];
    private volatile long size;

    public long size() {
        return size;
    }

    public long get(long index) {
        return chunks[(int) (index >>> CHUNK_BITS)][(int) (index & (CHUNK - 1))];
    }

    @SuppressWarnings("NonAtomicVolatileUpdate") // single writer
    public void add(long position) {
        long n = size;
        int chunk = (int) (n >>> CHUNK_BITS);
        long[][] current = chunks;
        if (chunk == current.length) {
            current = Arrays.copyOf(current, chunk + 1);
            current[chunk] = new long[CHUNK];
            current[chunk][0] = position;
            chunks = current;
        } else {
            current[chunk][(int) (n & (CHUNK - 1))] = position;
        }
        size = n + 1;
    }

    /** The index of the first position ≥ {@code position} among the first {@code limit}; {@code limit} if none. */
    public long firstAtOrAfter(long position, long limit) {
        long low = 0;
        long high = limit;
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (get(mid) < position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
