package io.annal.store.embedded;

import static io.annal.store.embedded.Events.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamAppend;
import io.annal.store.StreamName;
import io.annal.store.StreamState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A durable batch is published per stream at once; readers must see the same as per event. */
class BatchPublishTest {

    @TempDir
    Path directory;

    private EmbeddedEventStore open() {
        return EmbeddedEventStore.open(EmbeddedStoreConfig.of(directory).withSegmentSize(8 << 20));
    }

    @Test
    void large_appends_cross_the_global_chunks_and_read_back_by_version_and_position() {
        StreamName big = StreamName.of("big");
        List<EventData> all = new ArrayList<>();
        List<AppendResult> results = new ArrayList<>();
        try (EmbeddedEventStore store = open()) {
            store.append(StreamName.of("before"), ExpectedVersion.noStream(), events(5));
            for (int i = 0; i < 17; i++) { // 17,000 events: past the 16,384 positions of one chunk
                List<EventData> batch = events(1000);
                all.addAll(batch);
                results.add(store.append(big, ExpectedVersion.any(), batch));
            }
            assertThat(results.get(16).lastVersion()).isEqualTo(16_999L);
            assertReadsBack(store, big, all, results);
        }
        try (EmbeddedEventStore store = open()) {
            assertReadsBack(store, big, all, results);
        }
    }

    @Test
    void one_atomic_append_to_several_streams_publishes_each_stream_and_the_global_order() {
        StreamName a = StreamName.of("a");
        StreamName b = StreamName.of("b");
        StreamName c = StreamName.of("c");
        try (EmbeddedEventStore store = open()) {
            store.append(a, ExpectedVersion.noStream(), events(3));
            List<AppendResult> results = store.appendAtomically(List.of(
                    StreamAppend.of(a, ExpectedVersion.exact(2), events(4)),
                    StreamAppend.of(b, ExpectedVersion.noStream(), events(2)),
                    StreamAppend.of(c, ExpectedVersion.any(), events(1))));
            assertThat(results).extracting(AppendResult::firstVersion).containsExactly(3L, 0L, 0L);
            assertThat(store.readStream(a, 0, Direction.FORWARD, 100).events()).hasSize(7);
            assertThat(store.readStream(c, 0, Direction.FORWARD, 100).events()).hasSize(1);
            assertThat(store.readStream(b, 0, Direction.FORWARD, 100).events()).hasSize(2);
            assertThat(store.info(b).orElseThrow().state()).isEqualTo(StreamState.LIVE);
            List<RecordedEvent> global = store.readAll(Position.START, Direction.FORWARD, 100, EventFilter.all())
                    .events();
            assertThat(global)
                    .extracting(e -> e.stream().value())
                    .containsExactly("a", "a", "a", "a", "a", "a", "a", "b", "b", "c");
            assertThat(store.headPosition()).hasValue(global.get(9).position());
            store.delete(b, ExpectedVersion.exact(1));
            assertThat(store.info(b).orElseThrow().state()).isEqualTo(StreamState.DELETED);
            assertThat(store.append(b, ExpectedVersion.any(), events(1)).firstVersion())
                    .isEqualTo(2L);
        }
    }

    private static void assertReadsBack(
            EmbeddedEventStore store, StreamName big, List<EventData> all, List<AppendResult> results) {
        for (int version : new int[] {0, 999, 1000, 16_383, 16_384, 16_999}) {
            RecordedEvent event = store.readStream(big, version, Direction.FORWARD, 1)
                    .events()
                    .get(0);
            assertThat(event.version()).isEqualTo(version);
            assertThat(event.id()).isEqualTo(all.get(version).id());
        }
        Position last = results.get(16).lastPosition();
        assertThat(store.headPosition()).hasValue(last);
        List<RecordedEvent> tail = store.readAll(last, Direction.BACKWARD, 2_000, EventFilter.all())
                .events();
        assertThat(tail).hasSize(2_000);
        assertThat(tail.get(0).id()).isEqualTo(all.get(16_999).id());
        assertThat(tail.get(1_999).id()).isEqualTo(all.get(15_000).id());
        List<RecordedEvent> head = store.readAll(Position.START, Direction.FORWARD, 4_096, EventFilter.all())
                .events();
        assertThat(head.get(5).id()).isEqualTo(all.get(0).id());
    }
}
