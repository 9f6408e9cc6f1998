package io.annal.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StorageException;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.embedded.internal.index.IndexCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scavenge: segments whose events are all dead leave the disk; everything live reads the same. */
class ScavengeTest {

    private static final StreamName OLD = StreamName.of("old-1");
    private static final StreamName KEPT = StreamName.of("kept-1");

    @TempDir
    Path directory;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void segments_of_a_deleted_stream_are_reclaimed_and_the_store_reopens_with_the_same_reads() throws IOException {
        List<RecordedEvent> live;
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config())) {
            fill(store, OLD, 150); // about two and a half segments of one stream
            store.append(KEPT, ExpectedVersion.any(), Scenarios.big(40));
            assertThat(store.scavenge()).isEqualTo(ScavengeResult.none()); // every event still live
            store.delete(OLD, ExpectedVersion.any());
            live = allEvents(store);
            int before = segmentFiles();

            ScavengeResult result = store.scavenge();

            assertThat(result.segments()).isGreaterThanOrEqualTo(2);
            assertThat(result.bytes()).isEqualTo(result.segments() * (64L << 10));
            assertThat(segmentFiles()).isEqualTo(before - result.segments());
            assertThat(allEvents(store)).isEqualTo(live);
            assertThat(store.scavenge()).isEqualTo(ScavengeResult.none());
            store.append(KEPT, ExpectedVersion.exact(39), Scenarios.big(1));
        }
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config())) {
            assertThat(allEvents(store).subList(0, live.size())).isEqualTo(live);
            assertThat(store.readStream(KEPT, 0, Direction.FORWARD, 100).events())
                    .hasSize(41);
            assertThatThrownBy(() -> store.readStream(OLD, 0, Direction.FORWARD, 10))
                    .isInstanceOf(StreamNotFoundException.class);
            AppendResult again = store.append(OLD, ExpectedVersion.any(), Scenarios.big(1));
            assertThat(again.firstVersion()).isEqualTo(150);
        }
    }

    @Test
    void dead_segments_after_a_live_one_are_reclaimed_and_a_missing_one_not_reclaimed_is_corruption()
            throws IOException {
        List<RecordedEvent> live;
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config())) {
            store.append(KEPT, ExpectedVersion.any(), Scenarios.big(10)); // keeps the first segment
            fill(store, OLD, 150);
            store.append(KEPT, ExpectedVersion.any(), Scenarios.big(30));
            store.delete(OLD, ExpectedVersion.any());
            live = allEvents(store);

            ScavengeResult result = store.scavenge();

            assertThat(result.segments()).isGreaterThanOrEqualTo(1);
            assertThat(Files.exists(directory.resolve("0000000000.annal"))).isTrue();
            assertThat(allEvents(store)).isEqualTo(live);
            assertThat(store.readStream(KEPT, 0, Direction.FORWARD, 100).events())
                    .hasSize(40);
            assertThat(store.readAll(Position.of(Long.MAX_VALUE), Direction.BACKWARD, 4096, EventFilter.all())
                            .events())
                    .isEqualTo(live.reversed());
        }
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config())) {
            assertThat(allEvents(store)).isEqualTo(live);
            store.append(KEPT, ExpectedVersion.exact(39), Scenarios.big(1));
        }
        Files.delete(directory.resolve("0000000000.annal"));

        assertThatThrownBy(() -> EmbeddedEventStore.open(config()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("earlier segment files are missing");
    }

    @Test
    void max_count_and_max_age_make_old_segments_dead_and_reclaimed_events_never_come_back() {
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config())) {
            store.setMetadata(OLD, StreamMetadata.none().withMaxCount(5));
            fill(store, OLD, 120);
            store.setMetadata(KEPT, StreamMetadata.none().withMaxAge(Duration.ofHours(1)));
            fill(store, KEPT, 60);
            fill(store, OLD, 5); // OLD's first 120 are now beyond its max count
            now.set(now.get().plus(Duration.ofMinutes(30)));
            fill(store, KEPT, 10);
            assertThat(store.scavenge().segments()).isGreaterThanOrEqualTo(2); // OLD's, up to KEPT's first

            now.set(now.get().plus(Duration.ofMinutes(45))); // KEPT's first 60 are now older than an hour
            fill(store, StreamName.of("new-1"), 30);
            assertThat(store.scavenge().segments()).isGreaterThanOrEqualTo(1);
            assertThat(store.readStream(KEPT, 0, Direction.FORWARD, 100).events())
                    .extracting(RecordedEvent::version)
                    .containsExactlyElementsOf(versions(60, 70));

            store.setMetadata(OLD, StreamMetadata.none()); // would show all 125 had they not been reclaimed
            assertThat(store.readStream(OLD, 0, Direction.FORWARD, 200).events())
                    .extracting(RecordedEvent::version)
                    .containsExactlyElementsOf(versions(120, 125));
        }
    }

    @Test
    void an_event_id_of_a_reclaimed_event_is_forgotten_and_appends_as_new() {
        EventData first = Scenarios.big(1).get(0);
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config())) {
            store.setMetadata(OLD, StreamMetadata.none().withMaxCount(5));
            store.append(OLD, ExpectedVersion.any(), List.of(first));
            fill(store, OLD, 130);
            assertThat(store.append(OLD, ExpectedVersion.any(), List.of(first)).firstVersion())
                    .as("still known: a repeat is the same event")
                    .isZero();
            assertThat(store.scavenge().segments()).isGreaterThanOrEqualTo(2);

            AppendResult repeated = store.append(OLD, ExpectedVersion.any(), List.of(first));

            assertThat(repeated.firstVersion()).isEqualTo(131);
        }
    }

    @Test
    void without_the_checkpoint_a_scavenged_log_refuses_to_open_and_says_why() throws IOException {
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config())) {
            fill(store, OLD, 100);
            store.tombstone(OLD, ExpectedVersion.any());
            fill(store, KEPT, 40);
            assertThat(store.scavenge().segments()).isPositive();
        }
        Files.delete(directory.resolve(IndexCheckpoint.FILE));

        assertThatThrownBy(() -> EmbeddedEventStore.open(config()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("reclaimed by a scavenge")
                .hasMessageContaining(IndexCheckpoint.FILE);
    }

    private EmbeddedStoreConfig config() {
        InstantSource clock = now::get;
        return EmbeddedStoreConfig.of(directory).withSegmentSize(64 << 10).withClock(clock);
    }

    private static void fill(EmbeddedEventStore store, StreamName stream, int count) {
        for (int i = 0; i < count; i += 10) {
            store.append(stream, ExpectedVersion.any(), Scenarios.big(Math.min(10, count - i)));
        }
    }

    private static List<Long> versions(long from, long to) {
        List<Long> versions = new ArrayList<>();
        for (long v = from; v < to; v++) {
            versions.add(v);
        }
        return versions;
    }

    static List<RecordedEvent> allEvents(EmbeddedEventStore store) {
        return store.readAll(Position.START, Direction.FORWARD, 4096, EventFilter.all())
                .events();
    }

    private int segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return (int)
                    files.filter(file -> file.toString().endsWith(".annal")).count();
        }
    }
}
