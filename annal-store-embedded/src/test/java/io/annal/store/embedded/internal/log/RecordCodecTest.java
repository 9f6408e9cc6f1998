package io.annal.store.embedded.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.EventData;
import io.annal.store.StreamName;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    /** The type read past the stream name is the type the full decode gives, at any name length. */
    @Test
    void an_events_type_is_read_without_decoding_the_rest() {
        NameCache cache = new NameCache();
        for (String stream : new String[] {"a", "account-bench-1234", "s".repeat(256)}) {
            for (String type : new String[] {"X", "Deposited", "t".repeat(256)}) {
                EventData event = EventData.json(type, "{\"amount\":5}");
                byte[] name = stream.getBytes(StandardCharsets.UTF_8);
                byte[] typeBytes = type.getBytes(StandardCharsets.UTF_8);
                ByteBuffer frames = ByteBuffer.allocate(
                        LogFormat.frameSize(RecordCodec.eventBodySize(name, typeBytes, event)) + 64);
                frames.position(16);
                RecordCodec.putEvent(frames, name, 3, Instant.parse("2026-11-23T10:00:00Z"), event, typeBytes, 0, true);

                assertThat(RecordCodec.eventType(frames, 16, cache)).isEqualTo(type);
                LogRecord.Event decoded =
                        (LogRecord.Event) RecordCodec.decode(frames, 16, 16, StreamName::of, cache, true);
                assertThat(decoded.type()).isEqualTo(type);
                assertThat(decoded.stream().value()).isEqualTo(stream);
            }
        }
    }

    @Test
    void a_frame_that_is_not_an_event_has_no_type() {
        byte[] name = "account-1".getBytes(StandardCharsets.UTF_8);
        ByteBuffer frames = ByteBuffer.allocate(LogFormat.frameSize(RecordCodec.tombstoneBodySize(name)) + 8);
        RecordCodec.putTombstone(frames, name, 0);
        assertThat(RecordCodec.eventType(frames, 0, new NameCache())).isNull();
    }
}
