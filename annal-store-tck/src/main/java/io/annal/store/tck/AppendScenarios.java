package io.annal.store.tck;

import static io.annal.store.tck.Events.event;
import static io.annal.store.tck.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.EventTooLargeException;
import io.annal.store.ExpectedVersion;
import io.annal.store.InvalidRequestException;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StoreLimits;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

abstract class AppendScenarios extends Scenarios {

    AppendScenarios(EventStoreConformance suite) {
        super(suite);
    }

    @Test
    void append_to_a_new_stream_starts_at_version_zero() {
        AppendResult result = store().append(stream("order-1"), ExpectedVersion.noStream(), events(1));

        assertThat(result.stream()).isEqualTo(stream("order-1"));
        assertThat(result.firstVersion()).isZero();
        assertThat(result.lastVersion()).isZero();
        assertThat(result.duplicate()).isFalse();
    }

    @Test
    void append_of_several_events_lands_them_contiguously_in_order() {
        store().append(stream("order-1"), ExpectedVersion.any(), events(2));
        List<EventData> batch = events(3);

        AppendResult result = store().append(stream("order-1"), ExpectedVersion.exact(1), batch);

        assertThat(result.firstVersion()).isEqualTo(2);
        assertThat(result.lastVersion()).isEqualTo(4);
        assertThat(result.count()).isEqualTo(3);
        List<RecordedEvent> read = Reads.stream(store(), stream("order-1"));
        assertThat(Reads.versions(read)).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(read.subList(2, 5)).extracting(RecordedEvent::id).containsExactlyElementsOf(ids(batch));
        assertThat(read.get(2).position()).isEqualTo(result.firstPosition());
        assertThat(read.get(4).position()).isEqualTo(result.lastPosition());
        assertThat(Reads.positions(read)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void appended_events_keep_their_id_type_data_and_metadata() {
        EventData sent = EventData.of(
                UUID.randomUUID(),
                "OrderPlaced",
                Events.bytes("{\"total\":\"12.50 €\"}"),
                Events.bytes("{\"correlationId\":\"c-1\"}"));

        store().append(stream("order-1"), ExpectedVersion.any(), List.of(sent));

        RecordedEvent read = Reads.stream(store(), stream("order-1")).getFirst();
        assertThat(read.toEventData()).isEqualTo(sent);
        assertThat(read.stream()).isEqualTo(stream("order-1"));
        assertThat(read.version()).isZero();
    }

    @Test
    void empty_data_and_metadata_are_kept_empty() {
        EventData sent = EventData.of(UUID.randomUUID(), "Empty", new byte[0], new byte[0]);

        store().append(stream("order-1"), ExpectedVersion.any(), List.of(sent));

        assertThat(Reads.stream(store(), stream("order-1")).getFirst().toEventData())
                .isEqualTo(sent);
    }

    @Test
    void recorded_at_comes_from_the_injected_clock() {
        store().append(stream("order-1"), ExpectedVersion.any(), events(1));

        RecordedEvent read = Reads.stream(store(), stream("order-1")).getFirst();
        assertThat(read.recordedAt()).isBetween(clock().instant().truncatedTo(ChronoUnit.MILLIS), clock().instant());
    }

    @Test
    void positions_strictly_increase_in_commit_order_across_streams() {
        AppendResult a = store().append(stream("a"), ExpectedVersion.any(), events(2));
        AppendResult b = store().append(stream("b"), ExpectedVersion.any(), events(1));
        AppendResult c = store().append(stream("a"), ExpectedVersion.any(), events(3));

        assertThat(a.firstPosition()).isLessThan(a.lastPosition());
        assertThat(a.lastPosition()).isLessThan(b.firstPosition());
        assertThat(b.lastPosition()).isLessThan(c.firstPosition());
        assertThat(c.firstPosition()).isLessThan(c.lastPosition());
        assertThat(Reads.positions(Reads.all(store()))).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void head_position_is_empty_for_an_empty_store() {
        assertThat(store().headPosition()).isEmpty();
    }

    @Test
    void head_position_is_the_position_of_the_last_appended_event() {
        store().append(stream("a"), ExpectedVersion.any(), events(2));
        AppendResult last = store().append(stream("b"), ExpectedVersion.any(), events(2));

        assertThat(store().headPosition()).contains(last.lastPosition());
    }

    @Test
    void append_returns_only_once_its_events_are_readable() {
        AppendResult result = store().append(stream("a"), ExpectedVersion.any(), events(3));

        assertThat(store().readStream(stream("a"), 0, Direction.FORWARD, 10).events())
                .hasSize(3);
        assertThat(Reads.all(store())).extracting(RecordedEvent::position).contains(result.lastPosition());
    }

    @Test
    void empty_event_list_is_rejected_and_changes_nothing() {
        assertThatThrownBy(() -> store().append(stream("a"), ExpectedVersion.any(), List.of()))
                .isInstanceOf(InvalidRequestException.class);

        assertNothingStored(stream("a"));
    }

    @Test
    void same_event_id_twice_in_one_request_is_rejected_and_changes_nothing() {
        EventData once = event();
        List<EventData> twice = List.of(once, event(), once);

        assertThatThrownBy(() -> store().append(stream("a"), ExpectedVersion.any(), twice))
                .isInstanceOf(InvalidRequestException.class);

        assertNothingStored(stream("a"));
    }

    @Test
    void event_of_exactly_the_size_limit_is_accepted_and_read_back_whole() {
        EventData largest = Events.ofSize(StoreLimits.MAX_EVENT_SIZE);

        store().append(stream("a"), ExpectedVersion.any(), List.of(largest));

        assertThat(Reads.stream(store(), stream("a")).getFirst().toEventData()).isEqualTo(largest);
    }

    @Test
    void event_one_byte_over_the_size_limit_is_rejected_and_changes_nothing() {
        EventData tooLarge = Events.ofSize(StoreLimits.MAX_EVENT_SIZE + 1);

        assertThatThrownBy(() -> store().append(stream("a"), ExpectedVersion.any(), List.of(event(), tooLarge)))
                .isInstanceOfSatisfying(EventTooLargeException.class, e -> {
                    assertThat(e.size()).isEqualTo(StoreLimits.MAX_EVENT_SIZE + 1);
                    assertThat(e.limit()).isEqualTo(StoreLimits.MAX_EVENT_SIZE);
                });

        assertNothingStored(stream("a"));
    }

    @Test
    void size_limit_counts_data_and_metadata_together() {
        EventData split = EventData.of(
                UUID.randomUUID(),
                Events.TYPE,
                new byte[StoreLimits.MAX_EVENT_SIZE / 2 + 1],
                new byte[StoreLimits.MAX_EVENT_SIZE / 2]);

        assertThatThrownBy(() -> store().append(stream("a"), ExpectedVersion.any(), List.of(split)))
                .isInstanceOf(EventTooLargeException.class);
    }

    @Test
    void system_stream_names_can_be_written_and_read() {
        StreamName system = StreamName.system("$settings");

        store().append(system, ExpectedVersion.noStream(), events(1));

        assertThat(Reads.stream(store(), system)).hasSize(1);
    }

    private void assertNothingStored(StreamName name) {
        assertThatThrownBy(() -> Reads.stream(store(), name)).isInstanceOf(StreamNotFoundException.class);
        assertThat(store().headPosition()).isEmpty();
        assertThat(store().readAll(Position.START, Direction.FORWARD, 10, EventFilter.all())
                        .events())
                .isEmpty();
        assertThat(store().info(name)).isEmpty();
    }

    static List<UUID> ids(List<EventData> events) {
        return events.stream().map(EventData::id).toList();
    }
}
