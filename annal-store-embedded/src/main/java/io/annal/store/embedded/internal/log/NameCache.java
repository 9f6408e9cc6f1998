package io.annal.store.embedded.internal.log;

import io.annal.store.StreamName;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Decoded stream names and event types by their stored bytes, so that reading many records of the
 * same streams and types does not build a new string (and look the name up in the index) for each:
 * that was the largest cost of replaying the log. Direct-mapped: a slot holds the last name whose
 * bytes hashed to it.
 *
 * <p>Thread safety: any number of threads. A slot holds one immutable entry, replaced whole; a
 * racing reader sees an old entry, a new one or none, and checks the bytes either way.
 */
public final class NameCache {

    private static final int SLOTS = 1 << 10;
    private static final int LONGEST = 64;

    /**
     * A name by its bytes: {@code first} and {@code last} are its first and last 8 bytes (the first
     * masked to its length when shorter), which alone tell names of up to 16 bytes apart; {@code
     * middle} holds the 8-byte words between them, compared a word at a time because a byte at a
     * time was a third of a subscription's CPU on names like {@code account-bench-1234}.
     */
    private record Entry(boolean stream, int length, long first, long last, long[] middle, Object value) {}

    private final Entry[] entries = new Entry[SLOTS];

    /** Reads a stored stream name (u16 length + UTF-8) at the buffer's position. */
    StreamName stream(ByteBuffer in, Function<String, StreamName> names) {
        return (StreamName) read(in, names);
    }

    /** Reads a stored event type (u16 length + UTF-8) at the buffer's position. */
    String type(ByteBuffer in) {
        return (String) read(in, null);
    }

    /**
     * A name is mostly followed by at least 8 more bytes of its body (a version, or lengths); a
     * tombstone's body ends with its name, so a short one is decoded without the 8-byte reads.
     */
    private Object read(ByteBuffer in, Function<String, StreamName> names) {
        int length = Short.toUnsignedInt(in.getShort());
        int at = in.position();
        if (length > LONGEST || in.limit() - at < 8) {
            return decode(in, length, names);
        }
        boolean stream = names != null;
        long first = length >= 8 ? in.getLong(at) : in.getLong(at) & (length == 0 ? 0 : -1L << (64 - 8 * length));
        long last = length > 8 ? in.getLong(at + length - 8) : 0;
        long mixed = (first * 0x9E3779B97F4A7C15L + last) * 0xBF58476D1CE4E5B9L + length + (stream ? 1 : 0);
        int slot = (int) (mixed ^ mixed >>> 29 ^ mixed >>> 47) & (SLOTS - 1);
        Entry entry = entries[slot];
        if (entry != null
                && entry.length == length
                && entry.first == first
                && entry.last == last
                && entry.stream == stream
                && sameMiddle(in, at, entry.middle)) {
            in.position(at + length);
            return entry.value;
        }
        long[] middle = new long[Math.max(0, (length - 9) / 8)];
        for (int i = 0; i < middle.length; i++) {
            middle[i] = in.getLong(at + 8 + 8 * i);
        }
        Object value = decode(in, length, names);
        entries[slot] = new Entry(stream, length, first, last, middle, value);
        return value;
    }

    /** The words from byte 8 up to the last word, which {@code first} and {@code last} cover. */
    private static boolean sameMiddle(ByteBuffer in, int at, long[] middle) {
        for (int i = 0; i < middle.length; i++) {
            if (in.getLong(at + 8 + 8 * i) != middle[i]) {
                return false;
            }
        }
        return true;
    }

    private static Object decode(ByteBuffer in, int length, Function<String, StreamName> names) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        return names == null ? text : names.apply(text);
    }
}
