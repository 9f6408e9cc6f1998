package io.annal.store.embedded.internal.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.function.LongPredicate;

/**
 * Finds the events that may carry a given id, for idempotency checks, in 11–21 bytes per event.
 * An open-addressing table of longs (linear probing, at most 3/4 full, doubling) holds, per event,
 * a 32-bit hash of its id beside its ordinal in the global {@link PositionList}. A slot whose hash
 * matches is only a candidate, confirmed by reading the record; a miss, the common case of a
 * fresh id, costs a few memory reads and no I/O. The table is indexed by the hash's top bits, so
 * it grows by re-inserting the stored hashes, without reading the log.
 *
 * <p>Thread safety: one writer (recovery, then the appender). A background checkpoint may copy the
 * table while the writer inserts: slots only ever go from empty to full, and a grown table is
 * published through the volatile field after it is filled, so the copy holds at least every slot
 * inserted before the checkpoint's cut; slots inserted later are re-inserted by recovery as exact
 * duplicates of themselves, which {@link #insert} skips.
 */
public final class EventIdIndex {

    private volatile long[] slots = new long[1 << 10];
    private int shift = 32 - 10;
    private int size;

    @SuppressWarnings("UnusedVariable") // written only so that the reads of prefetch are not optimised away
    private long touched;

    public void add(UUID id, long ordinal) {
        if (ordinal < 0 || ordinal >= 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("event ordinal " + ordinal + " does not fit the id index");
        }
        if (size + 1 > slots.length - (slots.length >> 2)) {
            grow();
        }
        if (insert(slots, shift, (long) hash(id) << 32 | (ordinal + 1))) {
            size++;
        }
    }

    /**
     * Reads the slots a lookup of {@code id} probes first, so that the lookup and the insert soon
     * after find it in the CPU cache. Called for the ids of the next few hundred events of a batch
     * before their lookups: these reads do not depend on each other, so the processor overlaps their
     * cache misses (the table is tens of MB, and a fresh id lands on a random line of it) instead of
     * taking them one at a time.
     */
    public void prefetch(UUID id) {
        long[] table = slots;
        int home = hash(id) >>> shift;
        // a probe from home may run into the next cache line: 8 slots on, touch that one too
        touched += table[home] + table[(home + 7) & (table.length - 1)];
    }

    /**
     * Offers the ordinal of every event whose id may be {@code id} to {@code candidate}, until it
     * returns true; returns whether it did.
     */
    public boolean anyCandidate(UUID id, LongPredicate candidate) {
        int h = hash(id);
        long[] table = slots;
        int mask = table.length - 1;
        for (int i = h >>> shift; table[i] != 0; i = (i + 1) & mask) {
            if ((int) (table[i] >>> 32) == h && candidate.test((table[i] & 0xFFFF_FFFFL) - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Writes the table as it is now; safe beside the writer (see the class comment). */
    void writeTo(CheckpointWriter out) throws IOException {
        long[] table = slots;
        out.putInt(table.length);
        out.putInt(32 - Integer.numberOfTrailingZeros(table.length));
        out.putLongs(table);
    }

    static EventIdIndex readFrom(ByteBuffer in) throws IOException {
        EventIdIndex index = new EventIdIndex();
        int length = IndexCheckpoint.count(in, 8);
        if (Integer.bitCount(length) != 1 || 32 - Integer.numberOfTrailingZeros(length) != in.getInt()) {
            throw new IOException("the id table's size and shift do not agree");
        }
        long[] table = new long[length];
        in.asLongBuffer().get(table);
        in.position(in.position() + length * 8);
        int size = 0;
        for (long slot : table) {
            if (slot != 0) {
                size++;
            }
        }
        if (size > length - (length >> 2)) {
            throw new IOException("the id table is fuller than it may be");
        }
        index.shift = 32 - Integer.numberOfTrailingZeros(length);
        index.size = size;
        index.slots = table;
        return index;
    }

    /** Inserts {@code slot} unless the very same slot is there already; returns whether it did. */
    private static boolean insert(long[] table, int shift, long slot) {
        int mask = table.length - 1;
        int i = (int) (slot >>> 32) >>> shift;
        while (table[i] != 0) {
            if (table[i] == slot) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = slot;
        return true;
    }

    private void grow() {
        long[] current = slots;
        long[] bigger = new long[current.length * 2];
        int biggerShift = shift - 1;
        for (long slot : current) {
            if (slot != 0) {
                insert(bigger, biggerShift, slot);
            }
        }
        slots = bigger;
        shift = biggerShift;
    }

    private static int hash(UUID id) {
        long h = id.getMostSignificantBits() * 0x9E3779B97F4A7C15L ^ id.getLeastSignificantBits();
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }
}
