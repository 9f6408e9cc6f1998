package io.annal.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Optimistic concurrency under contention: many writers, few streams, exact expected versions. */
abstract class ConcurrencyScenarios extends Scenarios {

    static final int WRITERS = 64;
    static final int STREAMS = 16;
    static final int APPENDS_PER_WRITER = 12;

    ConcurrencyScenarios(EventStoreConformance suite) {
        super(suite);
    }

    /** An acknowledged append: what the writer sent and what the store answered. */
    record Ack(List<EventData> events, AppendResult result) {}

    @Test
    void sixty_four_writers_on_sixteen_hot_streams_lose_no_update() throws Exception {
        long seed = Seeds.seed("sixty_four_writers_on_sixteen_hot_streams_lose_no_update");
        Queue<Ack> acks = new ConcurrentLinkedQueue<>();

        try (Writers writers = Writers.start(WRITERS, seed, (w, random) -> {
            for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                StreamName hot = stream("hot-" + random.nextInt(STREAMS));
                int size = 1 + random.nextInt(3);
                acks.add(appendAfterReading(hot, size));
            }
        })) {
            writers.awaitAll();
        }

        List<RecordedEvent> all = Reads.all(store());
        assertThat(acks).hasSize(WRITERS * APPENDS_PER_WRITER);
        assertThat(all).hasSize(acks.stream().mapToInt(a -> a.events().size()).sum());
        assertThat(Reads.positions(all)).isSorted().doesNotHaveDuplicates();
        Map<StreamName, List<RecordedEvent>> byStream =
                all.stream().collect(Collectors.groupingBy(RecordedEvent::stream));
        byStream.forEach((name, events) -> {
            assertThat(Reads.versions(events)).as("versions of %s", name).isEqualTo(range(events.size()));
            // Each event says which version its writer read before appending: no update was lost.
            assertThat(events)
                    .as("events of %s", name)
                    .allSatisfy(e -> assertThat(e.dataAsString()).isEqualTo(intended(e.version())));
            assertThat(Reads.stream(store(), name)).containsExactlyElementsOf(events);
        });
        for (Ack ack : acks) {
            List<RecordedEvent> events = byStream.get(ack.result().stream());
            List<RecordedEvent> landed = events.subList(
                    (int) ack.result().firstVersion(), (int) ack.result().lastVersion() + 1);
            assertThat(landed).extracting(RecordedEvent::id).isEqualTo(ids(ack.events()));
            assertThat(landed.getFirst().position()).isEqualTo(ack.result().firstPosition());
            assertThat(landed.getLast().position()).isEqualTo(ack.result().lastPosition());
        }
    }

    @Test
    void concurrent_retries_of_the_same_batches_append_each_batch_once() throws Exception {
        long seed = Seeds.seed("concurrent_retries_of_the_same_batches_append_each_batch_once");
        List<List<EventData>> batches = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batches.add(Events.events(1 + i % 3));
        }
        Queue<AppendResult> results = new ConcurrentLinkedQueue<>();

        try (Writers writers = Writers.start(STREAMS, seed, (w, random) -> {
            List<List<EventData>> mine = new ArrayList<>(batches);
            Collections.shuffle(mine, random);
            for (List<EventData> batch : mine) {
                results.add(store().append(stream("shared"), ExpectedVersion.any(), batch));
            }
        })) {
            writers.awaitAll();
        }

        Map<Long, List<AppendResult>> byFirstVersion =
                results.stream().collect(Collectors.groupingBy(AppendResult::firstVersion));
        assertThat(byFirstVersion).hasSize(batches.size());
        byFirstVersion.forEach((version, same) -> {
            assertThat(same).as("results at version %d", version).hasSize(STREAMS);
            assertThat(same).filteredOn(r -> !r.duplicate()).hasSize(1);
            assertThat(same)
                    .extracting(AppendResult::lastVersion, AppendResult::firstPosition, AppendResult::lastPosition)
                    .containsOnly(tuple(
                            same.getFirst().lastVersion(),
                            same.getFirst().firstPosition(),
                            same.getFirst().lastPosition()));
        });
        assertThat(Reads.stream(store(), stream("shared")))
                .extracting(RecordedEvent::id)
                .containsExactlyInAnyOrderElementsOf(batches.stream()
                        .flatMap(List::stream)
                        .map(EventData::id)
                        .toList());
    }

    /** Reads the stream's version and appends right after it, retrying when another writer got there first. */
    private Ack appendAfterReading(StreamName stream, int size) {
        while (true) {
            long last = lastVersion(stream);
            List<EventData> events = new ArrayList<>();
            for (int i = 1; i <= size; i++) {
                events.add(Events.event(Events.TYPE, intended(last + i)));
            }
            ExpectedVersion expected = last < 0 ? ExpectedVersion.noStream() : ExpectedVersion.exact(last);
            try {
                return new Ack(events, store().append(stream, expected, events));
            } catch (WrongExpectedVersionException e) {
                // Lost the race: read again and retry.
            }
        }
    }

    private long lastVersion(StreamName stream) {
        try {
            return store().readStream(stream, Long.MAX_VALUE, Direction.BACKWARD, 1)
                    .lastVersion();
        } catch (StreamNotFoundException e) {
            return -1;
        }
    }

    private static String intended(long version) {
        return "{\"version\":" + version + "}";
    }

    private static List<Long> range(int size) {
        List<Long> versions = new ArrayList<>();
        for (long v = 0; v < size; v++) {
            versions.add(v);
        }
        return versions;
    }

    private static List<UUID> ids(List<EventData> events) {
        return events.stream().map(EventData::id).toList();
    }
}
