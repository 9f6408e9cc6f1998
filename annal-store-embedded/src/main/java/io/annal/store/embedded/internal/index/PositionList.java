package io.annal.store.embedded.internal.index;

import java.io.IOException;
import java.nio.LongBuffer;
import java.util.Arrays;

/**
 * The global positions of every event, in order: 8 bytes per event in fixed-size chunks, so it
 * grows without copying the data. Positions are strictly increasing, so a position is found by
 * binary search. Positions restored from a checkpoint sit in front of the chunks in one array,
 * which the collector allocates outside the young generation and never copies: open then grows
 * the heap in far fewer collections than with tens of thousands of chunks.
 *
 * <p>Thread safety: one writer, any number of readers, published through the volatile size as in
 * {@link StreamEntry}.
 */
public final class PositionList {

    private static final int CHUNK_BITS = 14;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private static final long[] NONE = new long[0];

    /** The restored positions, final; chunk {@code c} holds those from {@code base.length + c * CHUNK}. */
    private final long[] base;

    private volatile long[][] chunks = new long[0][];
    private volatile long size;

    public PositionList() {
        this(NONE);
    }

    private PositionList(long[] base) {
        this.base = base;
        this.size = base.length;
    }

    public long size() {
        return size;
    }

    public long get(long index) {
        if (index < base.length) {
            return base[(int) index];
        }
        long at = index - base.length;
        return chunks[(int) (at >>> CHUNK_BITS)][(int) (at & (CHUNK - 1))];
    }

    @SuppressWarnings("NonAtomicVolatileUpdate") // single writer
    public void add(long position) {
        long n = size - base.length;
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
        size = base.length + n + 1;
    }

    /** Writes the first {@code count} positions, which are final. */
    void writeTo(CheckpointWriter out, long count) throws IOException {
        int fromBase = (int) Math.min(base.length, count);
        out.putLongs(base, 0, fromBase);
        long[][] current = chunks;
        for (long at = 0; at < count - fromBase; at += CHUNK) {
            out.putLongs(current[(int) (at >>> CHUNK_BITS)], 0, (int) Math.min(CHUNK, count - fromBase - at));
        }
    }

    /** A list of {@code count} positions read in bulk from {@code in}. */
    static PositionList readFrom(LongBuffer in, int count) {
        long[] base = new long[count];
        in.get(base);
        return new PositionList(base);
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
