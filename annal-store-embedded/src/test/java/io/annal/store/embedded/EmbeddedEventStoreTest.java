package io.annal.store.embedded;

import static io.annal.store.embedded.Events.event;
import static io.annal.store.embedded.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.IdempotencyConflictException;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamAppend;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.StreamState;
import io.annal.store.SubscriptionListener;
import io.annal.store.SubscriptionStart;
import io.annal.store.WrongExpectedVersionException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedEventStoreTest {

    private static final StreamName ORDER = StreamName.of("order-1");

    @TempDir
    Path directory;

    private EmbeddedEventStore store;

    @BeforeEach
    void open() {
        store = EmbeddedEventStore.open(config());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private EmbeddedStoreConfig config() {
        return EmbeddedStoreConfig.of(directory)
                .withClock(InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")))
                .withSegmentSize(256 << 10);
    }

    @Test
    void appended_events_read_back_in_order_with_increasing_positions() {
        AppendResult first = store.append(ORDER, ExpectedVersion.noStream(), events(3));
        AppendResult second = store.append(ORDER, ExpectedVersion.exact(2), events(2));

        assertThat(first.firstVersion()).isZero();
        assertThat(second.lastVersion()).isEqualTo(4);
        List<RecordedEvent> read =
                store.readStream(ORDER, 0, Direction.FORWARD, 10).events();
        assertThat(read).extracting(RecordedEvent::version).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(read).extracting(RecordedEvent::position).isSorted().doesNotHaveDuplicates();
        assertThat(read.get(4).dataAsString()).isEqualTo("{\"n\":1}");
        assertThat(store.headPosition()).contains(second.lastPosition());
    }

    @Test
    void append_with_stale_expected_version_is_rejected() {
        store.append(ORDER, ExpectedVersion.noStream(), events(2));

        assertThatThrownBy(() -> store.append(ORDER, ExpectedVersion.exact(0), events(1)))
                .isInstanceOfSatisfying(
                        WrongExpectedVersionException.class,
                        e -> assertThat(e.currentVersion()).contains(1L));
    }

    @Test
    void a_retried_append_returns_the_original_result_and_a_partial_retry_conflicts() {
        List<EventData> batch = events(3);
        AppendResult original = store.append(ORDER, ExpectedVersion.noStream(), batch);

        AppendResult retry = store.append(ORDER, ExpectedVersion.any(), batch);

        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.firstPosition()).isEqualTo(original.firstPosition());
        assertThat(retry.lastVersion()).isEqualTo(2);
        assertThatThrownBy(() -> store.append(ORDER, ExpectedVersion.any(), List.of(batch.get(1), event("X", "{}"))))
                .isInstanceOf(IdempotencyConflictException.class);
        assertThat(store.append(StreamName.of("other"), ExpectedVersion.any(), batch)
                        .duplicate())
                .isFalse();
    }

    @Test
    void an_atomic_append_writes_every_part_or_none() {
        StreamName other = StreamName.of("other");
        store.append(other, ExpectedVersion.noStream(), events(1));

        assertThatThrownBy(() -> store.appendAtomically(List.of(
                        StreamAppend.of(ORDER, ExpectedVersion.noStream(), events(2)),
                        StreamAppend.of(other, ExpectedVersion.noStream(), events(1)))))
                .isInstanceOf(WrongExpectedVersionException.class);
        assertThat(store.info(ORDER)).isEmpty();

        List<AppendResult> results = store.appendAtomically(List.of(
                StreamAppend.of(ORDER, ExpectedVersion.noStream(), events(2)),
                StreamAppend.of(other, ExpectedVersion.exact(0), events(1))));
        assertThat(results.get(1).firstPosition()).isGreaterThan(results.get(0).lastPosition());
    }

    @Test
    void soft_delete_hides_the_stream_until_it_is_written_again() {
        store.append(ORDER, ExpectedVersion.noStream(), events(2));
        store.delete(ORDER, ExpectedVersion.exact(1));

        assertThatThrownBy(() -> store.readStream(ORDER, 0, Direction.FORWARD, 10))
                .isInstanceOf(StreamNotFoundException.class);
        assertThat(store.readAll(Position.START, Direction.FORWARD, 10, EventFilter.all())
                        .events())
                .isEmpty();
        assertThat(store.info(ORDER).orElseThrow().state()).isEqualTo(StreamState.DELETED);

        store.append(ORDER, ExpectedVersion.noStream(), events(1));
        assertThat(store.readStream(ORDER, 0, Direction.FORWARD, 10).events())
                .extracting(RecordedEvent::version)
                .containsExactly(2L);
    }

    @Test
    void a_tombstoned_stream_refuses_reads_and_appends() {
        store.append(ORDER, ExpectedVersion.noStream(), events(1));
        store.tombstone(ORDER, ExpectedVersion.any());

        assertThatThrownBy(() -> store.readStream(ORDER, 0, Direction.FORWARD, 1))
                .isInstanceOf(StreamDeletedException.class);
        assertThatThrownBy(() -> store.append(ORDER, ExpectedVersion.any(), events(1)))
                .isInstanceOf(StreamDeletedException.class);
        assertThatThrownBy(() -> store.tombstone(ORDER, ExpectedVersion.any()))
                .isInstanceOf(StreamDeletedException.class);
    }

    @Test
    void max_count_metadata_hides_older_events() {
        store.append(ORDER, ExpectedVersion.noStream(), events(5));
        store.setMetadata(ORDER, store.metadata(ORDER).withMaxCount(2));

        assertThat(store.readStream(ORDER, 0, Direction.FORWARD, 10).events())
                .extracting(RecordedEvent::version)
                .containsExactly(3L, 4L);
        assertThat(store.readStream(ORDER, Long.MAX_VALUE, Direction.BACKWARD, 1)
                        .next())
                .hasValue(3);
    }

    @Test
    void read_all_pages_forward_and_backward() {
        for (int i = 0; i < 5; i++) {
            store.append(StreamName.of("s-" + i), ExpectedVersion.noStream(), events(2));
        }
        var page = store.readAll(Position.START, Direction.FORWARD, 4, EventFilter.all());
        var rest = store.readAll(page.next().orElseThrow(), Direction.FORWARD, 10, EventFilter.all());
        var backward = store.readAll(Position.of(Long.MAX_VALUE), Direction.BACKWARD, 10, EventFilter.all());

        assertThat(page.events()).hasSize(4);
        assertThat(rest.events()).hasSize(6);
        assertThat(rest.next()).isEmpty();
        assertThat(backward.events()).extracting(RecordedEvent::position).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(store.readAll(Position.START, Direction.FORWARD, 10, EventFilter.streamPrefixes("s-3"))
                        .events())
                .hasSize(2);
    }

    @Test
    void segments_roll_when_full_and_reads_cross_them() {
        for (int i = 0; i < 300; i++) {
            store.append(ORDER, ExpectedVersion.any(), List.of(event("Big", "{\"pad\":\"" + "x".repeat(2000) + "\"}")));
        }

        assertThat(directory.toFile().list((d, n) -> n.endsWith(".annal"))).hasSizeGreaterThan(1);
        assertThat(store.readStream(ORDER, 0, Direction.FORWARD, 4096).events()).hasSize(300);
    }

    @Test
    void a_subscription_catches_up_then_follows_live_appends() {
        store.append(ORDER, ExpectedVersion.noStream(), events(3));
        List<RecordedEvent> seen = new CopyOnWriteArrayList<>();
        try (var subscription = store.subscribeToAll(SubscriptionStart.fromStart(), EventFilter.all(), seen::add)) {
            Awaitility.await().until(() -> seen.size() == 3);
            store.append(ORDER, ExpectedVersion.exact(2), events(2));
            Awaitility.await().until(() -> seen.size() == 5);
            assertThat(subscription.isClosed()).isFalse();
        }
        assertThat(seen).extracting(RecordedEvent::version).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void a_stream_subscription_waits_for_the_stream_to_exist() {
        List<RecordedEvent> seen = new CopyOnWriteArrayList<>();
        SubscriptionListener listener = seen::add;
        try (var subscription = store.subscribeToStream(ORDER, SubscriptionStart.fromStart(), listener)) {
            store.append(ORDER, ExpectedVersion.noStream(), events(2));
            Awaitility.await().until(() -> seen.size() == 2);
        }
        assertThat(store.listStreams("", Optional.empty(), 10)).hasSize(1);
    }
}
