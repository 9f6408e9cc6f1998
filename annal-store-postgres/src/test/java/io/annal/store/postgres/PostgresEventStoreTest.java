package io.annal.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.EventTooLargeException;
import io.annal.store.ExpectedVersion;
import io.annal.store.IdempotencyConflictException;
import io.annal.store.InvalidRequestException;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StoreLimits;
import io.annal.store.StreamAppend;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamInfo;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.StreamSlice;
import io.annal.store.StreamState;
import io.annal.store.WrongExpectedVersionException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Direct scenarios on PostgreSQL: bytes kept exactly, the injected clock, retention and listing in SQL. */
class PostgresEventStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00.123456Z"));
    private PostgresEventStore store;

    @BeforeEach
    void open() {
        store = PostgresEventStore.open(TestPostgres.freshConfig().withClock(clock));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static EventData event(String type) {
        return EventData.json(type, "{\"t\":\"" + type + "\"}");
    }

    private static final StreamName ORDER = StreamName.of("order-1");

    @Test
    void appended_events_read_back_byte_for_byte_with_versions_positions_and_clock_time() {
        byte[] data = {0, 1, 2, (byte) 0xff, '{'};
        EventData first = EventData.of(UUID.randomUUID(), "Placed", data, "{\"m\":1}".getBytes(StandardCharsets.UTF_8));
        AppendResult result = store.append(ORDER, ExpectedVersion.noStream(), List.of(first, event("Paid")));

        assertThat(result.firstVersion()).isZero();
        assertThat(result.lastVersion()).isEqualTo(1);
        assertThat(result.lastPosition()).isGreaterThan(result.firstPosition());
        StreamSlice slice = store.readStream(ORDER, 0, Direction.FORWARD, 10);
        assertThat(slice.events()).hasSize(2);
        RecordedEvent read = slice.events().getFirst();
        assertThat(read.toEventData()).isEqualTo(first);
        assertThat(read.position()).isEqualTo(result.firstPosition());
        assertThat(read.recordedAt()).isEqualTo(clock.instant());
        assertThat(slice.lastVersion()).isEqualTo(1);
        assertThat(slice.next()).isEmpty();
        assertThat(store.headPosition()).contains(result.lastPosition());
    }

    @Test
    void every_expected_version_mode_is_checked() {
        store.append(ORDER, ExpectedVersion.noStream(), List.of(event("A")));
        assertThatThrownBy(() -> store.append(ORDER, ExpectedVersion.noStream(), List.of(event("B"))))
                .isInstanceOfSatisfying(
                        WrongExpectedVersionException.class,
                        e -> assertThat(e.currentVersion()).contains(0L));
        assertThatThrownBy(() -> store.append(ORDER, ExpectedVersion.exact(5), List.of(event("B"))))
                .isInstanceOf(WrongExpectedVersionException.class);
        assertThatThrownBy(() -> store.append(StreamName.of("none"), ExpectedVersion.exists(), List.of(event("B"))))
                .isInstanceOfSatisfying(
                        WrongExpectedVersionException.class,
                        e -> assertThat(e.currentVersion()).isEmpty());
        store.append(ORDER, ExpectedVersion.exists(), List.of(event("B")));
        store.append(ORDER, ExpectedVersion.exact(1), List.of(event("C")));
        store.append(ORDER, ExpectedVersion.any(), List.of(event("D")));
        assertThat(store.readStream(ORDER, 0, Direction.FORWARD, 10).lastVersion())
                .isEqualTo(3);
    }

    @Test
    void a_retry_returns_the_original_result_and_a_partial_retry_conflicts() {
        EventData a = event("A");
        EventData b = event("B");
        AppendResult original = store.append(ORDER, ExpectedVersion.noStream(), List.of(a, b));
        store.append(ORDER, ExpectedVersion.any(), List.of(event("C")));

        AppendResult retry = store.append(ORDER, ExpectedVersion.noStream(), List.of(a, b));

        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.firstVersion()).isZero();
        assertThat(retry.firstPosition()).isEqualTo(original.firstPosition());
        assertThat(retry.lastPosition()).isEqualTo(original.lastPosition());
        assertThatThrownBy(() -> store.append(ORDER, ExpectedVersion.any(), List.of(a, event("X"))))
                .isInstanceOf(IdempotencyConflictException.class);
        assertThatThrownBy(() -> store.append(ORDER, ExpectedVersion.any(), List.of(b, a)))
                .isInstanceOf(IdempotencyConflictException.class);
        AppendResult elsewhere = store.append(StreamName.of("other"), ExpectedVersion.any(), List.of(a));
        assertThat(elsewhere.duplicate()).isFalse();
    }

    @Test
    void bad_input_changes_nothing() {
        EventData a = event("A");
        assertThatThrownBy(() -> store.append(ORDER, ExpectedVersion.any(), List.of()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> store.append(ORDER, ExpectedVersion.any(), List.of(a, a)))
                .isInstanceOf(InvalidRequestException.class);
        EventData tooLarge =
                EventData.of(UUID.randomUUID(), "Big", new byte[StoreLimits.MAX_EVENT_SIZE], new byte[] {'{'});
        assertThatThrownBy(() -> store.append(ORDER, ExpectedVersion.any(), List.of(tooLarge)))
                .isInstanceOf(EventTooLargeException.class);
        EventData exactlyMax =
                EventData.of(UUID.randomUUID(), "Big", new byte[StoreLimits.MAX_EVENT_SIZE], new byte[0]);
        store.append(ORDER, ExpectedVersion.noStream(), List.of(exactlyMax));
        assertThat(store.readStream(ORDER, 0, Direction.FORWARD, 1)
                        .events()
                        .getFirst()
                        .data())
                .hasSize(StoreLimits.MAX_EVENT_SIZE);
    }

    @Test
    void a_multi_stream_append_is_all_or_nothing() {
        StreamName a = StreamName.of("a");
        StreamName b = StreamName.of("b");
        store.append(b, ExpectedVersion.any(), List.of(event("B0")));

        assertThatThrownBy(() -> store.appendAtomically(List.of(
                        StreamAppend.of(a, ExpectedVersion.noStream(), List.of(event("A0"))),
                        StreamAppend.of(b, ExpectedVersion.noStream(), List.of(event("B1"))))))
                .isInstanceOf(WrongExpectedVersionException.class);
        assertThatThrownBy(() -> store.readStream(a, 0, Direction.FORWARD, 10))
                .isInstanceOf(StreamNotFoundException.class);

        List<AppendResult> results = store.appendAtomically(List.of(
                StreamAppend.of(a, ExpectedVersion.noStream(), List.of(event("A0"), event("A1"))),
                StreamAppend.of(b, ExpectedVersion.exact(0), List.of(event("B1")))));
        assertThat(results).extracting(AppendResult::stream).containsExactly(a, b);
        assertThat(results.get(1).firstPosition()).isGreaterThan(results.get(0).lastPosition());
        assertThatThrownBy(() -> store.appendAtomically(List.of(
                        StreamAppend.of(a, ExpectedVersion.any(), List.of(event("X"))),
                        StreamAppend.of(a, ExpectedVersion.any(), List.of(event("Y"))))))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void soft_delete_hides_the_stream_until_an_append_recreates_it_with_continuing_versions() {
        store.append(ORDER, ExpectedVersion.noStream(), List.of(event("A"), event("B")));
        store.delete(ORDER, ExpectedVersion.exact(1));

        assertThatThrownBy(() -> store.readStream(ORDER, 0, Direction.FORWARD, 10))
                .isInstanceOf(StreamNotFoundException.class);
        assertThat(store.readAll(Position.START, Direction.FORWARD, 10, EventFilter.all())
                        .events())
                .isEmpty();
        assertThat(store.info(ORDER))
                .hasValueSatisfying(i -> assertThat(i.state()).isEqualTo(StreamState.DELETED));
        assertThat(store.metadata(ORDER).truncateBefore()).hasValue(2);

        AppendResult again = store.append(ORDER, ExpectedVersion.noStream(), List.of(event("C")));

        assertThat(again.firstVersion()).isEqualTo(2);
        StreamSlice slice = store.readStream(ORDER, 0, Direction.FORWARD, 10);
        assertThat(slice.events()).extracting(RecordedEvent::type).containsExactly("C");
        assertThatThrownBy(() -> store.delete(StreamName.of("never"), ExpectedVersion.any()))
                .isInstanceOf(StreamNotFoundException.class);
    }

    @Test
    void a_tombstone_refuses_every_later_read_and_write() {
        store.append(ORDER, ExpectedVersion.noStream(), List.of(event("A")));
        store.tombstone(ORDER, ExpectedVersion.any());

        assertThatThrownBy(() -> store.readStream(ORDER, 0, Direction.FORWARD, 10))
                .isInstanceOf(StreamDeletedException.class);
        assertThatThrownBy(() -> store.append(ORDER, ExpectedVersion.any(), List.of(event("B"))))
                .isInstanceOf(StreamDeletedException.class);
        assertThatThrownBy(() -> store.tombstone(ORDER, ExpectedVersion.any()))
                .isInstanceOf(StreamDeletedException.class);
        assertThatThrownBy(() -> store.metadata(ORDER)).isInstanceOf(StreamDeletedException.class);
        assertThat(store.readAll(Position.START, Direction.FORWARD, 10, EventFilter.all())
                        .events())
                .isEmpty();
        StreamName reserved = StreamName.of("reserved");
        store.tombstone(reserved, ExpectedVersion.noStream());
        assertThat(store.info(reserved))
                .contains(new StreamInfo(
                        reserved, StreamState.TOMBSTONED, java.util.OptionalLong.empty(), Optional.empty()));
    }

    @Test
    void retention_hides_events_by_count_truncation_and_age_of_the_injected_clock() {
        for (int i = 0; i < 5; i++) {
            store.append(ORDER, ExpectedVersion.any(), List.of(event("E" + i)));
            clock.advance(Duration.ofMinutes(1));
        }
        store.setMetadata(ORDER, StreamMetadata.none().withMaxCount(3));
        assertThat(store.readStream(ORDER, 0, Direction.FORWARD, 10).events())
                .extracting(RecordedEvent::version)
                .containsExactly(2L, 3L, 4L);

        store.setMetadata(ORDER, StreamMetadata.none().withTruncateBefore(4));
        assertThat(store.readStream(ORDER, 0, Direction.FORWARD, 10).events())
                .extracting(RecordedEvent::version)
                .containsExactly(4L);

        store.setMetadata(ORDER, StreamMetadata.none().withMaxAge(Duration.ofSeconds(150)));
        assertThat(store.readStream(ORDER, 0, Direction.FORWARD, 10).events())
                .extracting(RecordedEvent::version)
                .containsExactly(3L, 4L);
        assertThat(store.readAll(Position.START, Direction.FORWARD, 10, EventFilter.all())
                        .events())
                .extracting(RecordedEvent::version)
                .containsExactly(3L, 4L);
        assertThat(store.metadata(ORDER)).isEqualTo(StreamMetadata.none().withMaxAge(Duration.ofSeconds(150)));

        clock.advance(Duration.ofHours(1));
        StreamSlice empty = store.readStream(ORDER, 0, Direction.FORWARD, 10);
        assertThat(empty.events()).isEmpty();
        assertThat(empty.lastVersion()).isEqualTo(4);
    }

    @Test
    void pages_carry_the_next_point_in_both_directions() {
        for (int i = 0; i < 5; i++) {
            store.append(ORDER, ExpectedVersion.any(), List.of(event("E" + i)));
        }
        StreamSlice forward = store.readStream(ORDER, 1, Direction.FORWARD, 2);
        assertThat(forward.events()).extracting(RecordedEvent::version).containsExactly(1L, 2L);
        assertThat(forward.next()).hasValue(3);
        StreamSlice backward = store.readStream(ORDER, Long.MAX_VALUE, Direction.BACKWARD, 2);
        assertThat(backward.events()).extracting(RecordedEvent::version).containsExactly(4L, 3L);
        assertThat(backward.next()).hasValue(2);

        var all = store.readAll(Position.START, Direction.FORWARD, 3, EventFilter.types("E1", "E4"));
        assertThat(all.events()).extracting(RecordedEvent::type).containsExactly("E1", "E4");
        assertThat(all.next()).isEmpty();
        var back = store.readAll(Position.of(Long.MAX_VALUE), Direction.BACKWARD, 4, EventFilter.all());
        assertThat(back.events()).extracting(RecordedEvent::type).containsExactly("E4", "E3", "E2", "E1");
        assertThat(back.next()).isPresent();
        assertThat(store.readAll(Position.START, Direction.FORWARD, 10, EventFilter.streamPrefixes("ord"))
                        .events())
                .hasSize(5);
        assertThat(store.readAll(Position.START, Direction.FORWARD, 10, EventFilter.streamPrefixes("x"))
                        .events())
                .isEmpty();
    }

    @Test
    void streams_are_listed_in_name_order_with_their_state() {
        for (String name : List.of("b", "a", "c", "ab")) {
            store.append(StreamName.of(name), ExpectedVersion.any(), List.of(event("E")));
        }
        store.delete(StreamName.of("c"), ExpectedVersion.any());
        store.setMetadata(StreamName.of("metadata-only"), StreamMetadata.none().withMaxCount(1));

        assertThat(store.listStreams("", Optional.empty(), 10))
                .extracting(i -> i.stream().value())
                .containsExactly("a", "ab", "b", "c");
        assertThat(store.listStreams("a", Optional.of(StreamName.of("a")), 10))
                .extracting(i -> i.stream().value())
                .containsExactly("ab");
        assertThat(store.listStreams("", Optional.empty(), 10).getLast().state())
                .isEqualTo(StreamState.DELETED);
        assertThat(store.info(StreamName.of("metadata-only"))).isEmpty();
        assertThat(store.info(StreamName.of("a")))
                .hasValueSatisfying(i -> assertThat(i.lastWrite()).contains(clock.instant()));
    }
}
