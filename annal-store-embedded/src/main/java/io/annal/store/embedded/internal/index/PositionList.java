package io.annal.store.embedded.internal.index;

import java.io.IOException;
import java.nio.LongBuffer;
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

    /** Writes the first {@code count} positions, which are final. */
    void writeTo(CheckpointWriter out, long count) throws IOException {
        long[][] current = chunks;
        for (long at = 0; at < count; at += CHUNK) {
            out.putLongs(current[(int) (at >>> CHUNK_BITS)], 0, (int) Math.min(CHUNK, count - at));
        }
    }

    /** A list of {@code count} positions read in bulk from {@code in}. */
    static PositionList readFrom(LongBuffer in, long count) {
        PositionList list = new PositionList();
        long[][] chunks = new long[(int) ((count + CHUNK - 1) >>> CHUNK_BITS)][];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = new long[CHUNK];
            in.get(chunks[c], 0, (int) Math.min(CHUNK, count - ((long) c << CHUNK_BITS)));
        }
        list.chunks = chunks;
        list.size = count;
        return list;
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
