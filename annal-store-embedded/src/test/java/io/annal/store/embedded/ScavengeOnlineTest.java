package io.annal.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scavenges run while writers append: no append fails or waits for it, and nothing live is lost. */
class ScavengeOnlineTest {

    private static final int WRITERS = 4;
    private static final int APPENDS = 150;
    private static final int KEEP = 20;

    @TempDir
    Path directory;

    @Test
    void writers_append_while_scavenges_reclaim_what_their_max_count_lets_go() throws Exception {
        List<List<EventData>> written = new ArrayList<>();
        int reclaimed = 0;
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config())) {
            StreamName old = StreamName.of("old-1");
            for (int i = 0; i < 15; i++) {
                store.append(old, ExpectedVersion.any(), Scenarios.big(10));
            }
            store.tombstone(old, ExpectedVersion.any());
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                List<EventData> mine = new ArrayList<>();
                written.add(mine);
                StreamName stream = stream(w);
                writers.add(pool.submit(() -> {
                    store.setMetadata(stream, StreamMetadata.none().withMaxCount(KEEP));
                    for (int v = 0; v < APPENDS; v++) {
                        List<EventData> one = Scenarios.big(1);
                        ExpectedVersion expected = v == 0 ? ExpectedVersion.any() : ExpectedVersion.exact(v - 1L);
                        AppendResult result = store.append(stream, expected, one);
                        assertThat(result.firstVersion()).isEqualTo(v);
                        mine.add(one.get(0));
                    }
                    return null;
                }));
            }
            do {
                reclaimed += store.scavenge().segments();
            } while (!writers.stream().allMatch(Future::isDone));
            for (Future<?> writer : writers) {
                writer.get(); // rethrows a writer's failure
            }
            pool.shutdown();
            reclaimed += store.scavenge().segments();
            assertKept(store, written);
        }
        assertThat(reclaimed).as("the tombstoned stream's segments at least").isGreaterThanOrEqualTo(2);
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config())) {
            assertKept(store, written);
        }
    }

    private static void assertKept(EmbeddedEventStore store, List<List<EventData>> written) {
        for (int w = 0; w < WRITERS; w++) {
            List<RecordedEvent> events =
                    store.readStream(stream(w), 0, Direction.FORWARD, 1000).events();
            assertThat(events).extracting(RecordedEvent::version).first().isEqualTo((long) APPENDS - KEEP);
            assertThat(events)
                    .extracting(RecordedEvent::toEventData)
                    .containsExactlyElementsOf(written.get(w).subList(APPENDS - KEEP, APPENDS));
        }
    }

    private static StreamName stream(int writer) {
        return StreamName.of("writer-" + writer);
    }

    private EmbeddedStoreConfig config() {
        return EmbeddedStoreConfig.of(directory).withSegmentSize(64 << 10);
    }
}
