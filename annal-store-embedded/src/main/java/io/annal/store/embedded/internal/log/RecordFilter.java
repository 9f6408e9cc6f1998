package io.annal.store.embedded.internal.log;

import io.annal.store.EventFilter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * An {@link EventFilter} in the log's terms, so that an event of another stream or type is refused
 * from its stored bytes before it is decoded: under P6 seven subscriptions read every event, and
 * most select by stream prefix. A UTF-8 prefix of the name's bytes is exactly a prefix of the name.
 */
public final class RecordFilter {

    /** Refuses nothing. */
    static final RecordFilter NONE = new RecordFilter(new byte[0][], Set.of());

    private final byte[][] prefixes;
    private final Set<String> types;

    private RecordFilter(byte[][] prefixes, Set<String> types) {
        this.prefixes = prefixes;
        this.types = types;
    }

    public static RecordFilter of(EventFilter filter) {
        return new RecordFilter(
                filter.streamPrefixes().stream()
                        .map(p -> p.getBytes(StandardCharsets.UTF_8))
                        .toArray(byte[][]::new),
                filter.types());
    }

    boolean selectsAll() {
        return prefixes.length == 0 && types.isEmpty();
    }

    /**
     * Whether the event whose body {@code in} holds (at its start: the stream name, u16 length and
     * UTF-8) is refused; {@code typeOffset} is where its type starts, after the name.
     */
    boolean refuses(ByteBuffer in, int typeOffset, NameCache cache) {
        if (prefixes.length > 0 && !anyPrefix(in)) {
            return true;
        }
        if (types.isEmpty()) {
            return false;
        }
        in.position(typeOffset);
        return !types.contains(cache.type(in));
    }

    private boolean anyPrefix(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort(0));
        for (byte[] prefix : prefixes) {
            if (prefix.length <= length && in.slice(Short.BYTES, prefix.length).equals(ByteBuffer.wrap(prefix))) {
                return true;
            }
        }
        return false;
    }
}
