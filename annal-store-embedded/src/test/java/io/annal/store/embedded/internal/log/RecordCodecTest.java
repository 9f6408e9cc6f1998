package io.annal.store.embedded.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.StreamName;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    private static final List<String> STREAMS =
            List.of("a", "account-1", "account-bench-1234", "accounts", "ökonomie-7", "ö", "s".repeat(256));
    private static final List<String> PREFIXES = List.of("a", "account-", "account-bench-", "ö", "ök", "order-", "");
    private static final List<String> TYPES = List.of("X", "Deposited", "AccountOpened", "t".repeat(256));

    /** Judged from the stored bytes, a filter refuses exactly the events it does not match. */
    @Test
    void a_filter_refuses_from_the_bytes_exactly_what_it_does_not_match() {
        long seed = System.nanoTime();
        System.out.println("a_filter_refuses_from_the_bytes seed=" + seed);
        Random random = new Random(seed);
        NameCache cache = new NameCache();
        for (int round = 0; round < 5_000; round++) {
            String stream = pick(STREAMS, random);
            String type = pick(TYPES, random);
            EventFilter filter = EventFilter.all();
            if (random.nextBoolean()) {
                filter = filter.withStreamPrefixes(random.ints(1 + random.nextInt(2), 0, PREFIXES.size())
                        .mapToObj(PREFIXES::get)
                        .toList());
            }
            if (random.nextBoolean()) {
                filter = filter.withTypes(Set.of(pick(TYPES, random)));
            }
            ByteBuffer frames = eventFrame(stream, type);
            assertThat(RecordCodec.refuses(frames, 16, RecordFilter.of(filter), cache))
                    .as("seed %d: %s %s by %s", seed, stream, type, filter)
                    .isEqualTo(!filter.matches(StreamName.of(stream), type));
            LogRecord.Event decoded = (LogRecord.Event) RecordCodec.decode(frames, 16, 16, StreamName::of, cache, true);
            assertThat(decoded.stream().value()).isEqualTo(stream);
            assertThat(decoded.type()).isEqualTo(type);
        }
    }

    @Test
    void a_frame_that_is_not_an_event_is_never_refused() {
        byte[] name = "account-1".getBytes(StandardCharsets.UTF_8);
        ByteBuffer frames = ByteBuffer.allocate(LogFormat.frameSize(RecordCodec.tombstoneBodySize(name)) + 8);
        RecordCodec.putTombstone(frames, name, 0);
        RecordFilter orders = RecordFilter.of(EventFilter.streamPrefixes("order-"));
        assertThat(RecordCodec.refuses(frames, 0, orders, new NameCache())).isFalse();
    }

    private static ByteBuffer eventFrame(String stream, String type) {
        EventData event = EventData.json(type, "{\"amount\":5}");
        byte[] name = stream.getBytes(StandardCharsets.UTF_8);
        byte[] typeBytes = type.getBytes(StandardCharsets.UTF_8);
        ByteBuffer frames =
                ByteBuffer.allocate(16 + LogFormat.frameSize(RecordCodec.eventBodySize(name, typeBytes, event)));
        frames.position(16);
        RecordCodec.putEvent(frames, name, 3, Instant.parse("2026-11-23T10:00:00Z"), event, typeBytes, 0, true);
        return frames;
    }

    private static <T> T pick(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }
}
