package io.annal.store.tck;

import static io.annal.store.tck.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.AllSlice;
import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.InvalidRequestException;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StoreLimits;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

abstract class ReadAllScenarios extends Scenarios {

    ReadAllScenarios(EventStoreConformance suite) {
        super(suite);
    }

    @Test
    void read_all_of_an_empty_store_is_empty_both_ways() {
        AllSlice forward = store().readAll(Position.START, Direction.FORWARD, 10, EventFilter.all());
        AllSlice backward = store().readAll(Position.of(Long.MAX_VALUE), Direction.BACKWARD, 10, EventFilter.all());

        assertThat(forward.events()).isEmpty();
        assertThat(forward.next()).isEmpty();
        assertThat(backward.events()).isEmpty();
        assertThat(backward.next()).isEmpty();
    }

    @Test
    void read_all_forward_returns_every_event_in_commit_order() {
        var a = store().append(stream("a"), ExpectedVersion.any(), events(2));
        var b = store().append(stream("b"), ExpectedVersion.any(), events(1));
        var c = store().append(stream("a"), ExpectedVersion.any(), events(1));

        AllSlice slice = store().readAll(Position.START, Direction.FORWARD, 100, EventFilter.all());

        assertThat(slice.events())
                .extracting(RecordedEvent::position)
                .containsExactly(a.firstPosition(), a.lastPosition(), b.firstPosition(), c.firstPosition());
        assertThat(slice.events())
                .extracting(e -> e.stream().value() + "@" + e.version())
                .containsExactly("a@0", "a@1", "b@0", "a@2");
        assertThat(slice.next()).isEmpty();
    }

    @Test
    void read_all_forward_pages_with_next_and_sees_each_event_once() {
        writeMixedStreams();
        List<RecordedEvent> whole = store().readAll(Position.START, Direction.FORWARD, 1000, EventFilter.all())
                .events();

        for (int pageSize : List.of(1, 3, 7, 29)) {
            assertThat(Reads.all(store(), Direction.FORWARD, pageSize, EventFilter.all()))
                    .as("forward in pages of %d", pageSize)
                    .containsExactlyElementsOf(whole);
        }
    }

    @Test
    void read_all_backward_pages_with_next_and_sees_each_event_once() {
        writeMixedStreams();
        List<RecordedEvent> whole = Reads.all(store());

        for (int pageSize : List.of(1, 4, 30)) {
            assertThat(Reads.all(store(), Direction.BACKWARD, pageSize, EventFilter.all()))
                    .as("backward in pages of %d", pageSize)
                    .containsExactlyElementsOf(whole.reversed());
        }
    }

    @Test
    void next_points_just_past_the_last_returned_event() {
        writeMixedStreams();

        AllSlice forward = store().readAll(Position.START, Direction.FORWARD, 5, EventFilter.all());
        AllSlice backward = store().readAll(Position.of(Long.MAX_VALUE), Direction.BACKWARD, 5, EventFilter.all());

        assertThat(forward.next())
                .contains(Position.of(forward.events().getLast().position().value() + 1));
        assertThat(backward.next())
                .contains(Position.of(backward.events().getLast().position().value() - 1));
    }

    @Test
    void read_all_has_no_next_when_fewer_than_max_count_were_returned() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));

        assertThat(store().readAll(Position.START, Direction.FORWARD, 4, EventFilter.all())
                        .next())
                .isEmpty();
        assertThat(store().readAll(Position.of(Long.MAX_VALUE), Direction.BACKWARD, 4, EventFilter.all())
                        .next())
                .isEmpty();
    }

    @Test
    void read_all_from_a_position_includes_that_position() {
        writeMixedStreams();
        List<RecordedEvent> whole = Reads.all(store());
        RecordedEvent middle = whole.get(whole.size() / 2);

        List<RecordedEvent> forward = store().readAll(middle.position(), Direction.FORWARD, 1000, EventFilter.all())
                .events();
        List<RecordedEvent> backward = store().readAll(middle.position(), Direction.BACKWARD, 1000, EventFilter.all())
                .events();

        assertThat(forward).containsExactlyElementsOf(whole.subList(whole.size() / 2, whole.size()));
        assertThat(backward)
                .containsExactlyElementsOf(
                        whole.subList(0, whole.size() / 2 + 1).reversed());
    }

    @Test
    void read_all_filters_by_event_type() {
        store().append(stream("a"), ExpectedVersion.any(), events("Placed", 2));
        store().append(stream("b"), ExpectedVersion.any(), events("Shipped", 3));
        store().append(stream("a"), ExpectedVersion.any(), events("Cancelled", 1));

        List<RecordedEvent> read = Reads.all(store(), Direction.FORWARD, 2, EventFilter.types("Placed", "Cancelled"));

        assertThat(read).extracting(RecordedEvent::type).containsExactly("Placed", "Placed", "Cancelled");
        assertThat(Reads.all(store(), Direction.BACKWARD, 2, EventFilter.types("Shipped")))
                .hasSize(3)
                .allMatch(e -> e.type().equals("Shipped"));
    }

    @Test
    void read_all_filters_by_stream_name_prefix() {
        store().append(stream("order-1"), ExpectedVersion.any(), events(2));
        store().append(stream("invoice-1"), ExpectedVersion.any(), events(2));
        store().append(stream("order-2"), ExpectedVersion.any(), events(1));
        store().append(stream("ord"), ExpectedVersion.any(), events(1));

        List<RecordedEvent> orders = Reads.all(store(), Direction.FORWARD, 2, EventFilter.streamPrefixes("order-"));
        List<RecordedEvent> both =
                Reads.all(store(), Direction.FORWARD, 100, EventFilter.streamPrefixes("order-", "invoice-"));

        assertThat(orders).extracting(e -> e.stream().value()).containsExactly("order-1", "order-1", "order-2");
        assertThat(both).hasSize(5);
    }

    @Test
    void read_all_filters_by_type_and_prefix_together() {
        store().append(stream("order-1"), ExpectedVersion.any(), events("Placed", 1));
        store().append(stream("order-1"), ExpectedVersion.any(), events("Shipped", 1));
        store().append(stream("invoice-1"), ExpectedVersion.any(), events("Placed", 1));

        List<RecordedEvent> read =
                Reads.all(store(), Direction.FORWARD, 10, new EventFilter(Set.of("Placed"), List.of("order-")));

        assertThat(read).singleElement().satisfies(e -> {
            assertThat(e.stream()).isEqualTo(stream("order-1"));
            assertThat(e.type()).isEqualTo("Placed");
        });
    }

    @Test
    void filtered_read_all_finds_rare_events_across_many_others() {
        store().append(stream("noise"), ExpectedVersion.any(), events("Noise", 300));
        store().append(stream("rare"), ExpectedVersion.any(), events("Rare", 1));
        store().append(stream("noise"), ExpectedVersion.any(), events("Noise", 300));
        store().append(stream("rare"), ExpectedVersion.any(), events("Rare", 1));

        List<RecordedEvent> read = Reads.all(store(), Direction.FORWARD, 1, EventFilter.types("Rare"));
        List<RecordedEvent> backward = Reads.all(store(), Direction.BACKWARD, 1, EventFilter.types("Rare"));

        assertThat(read).extracting(RecordedEvent::version).containsExactly(0L, 1L);
        assertThat(backward).containsExactlyElementsOf(read.reversed());
    }

    @Test
    void read_all_with_max_count_out_of_range_is_rejected() {
        assertThatThrownBy(() -> store().readAll(Position.START, Direction.FORWARD, 0, EventFilter.all()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> store().readAll(
                                Position.START, Direction.BACKWARD, StoreLimits.MAX_READ_COUNT + 1, EventFilter.all()))
                .isInstanceOf(InvalidRequestException.class);
    }

    private void writeMixedStreams() {
        for (int i = 0; i < 12; i++) {
            store().append(stream("s-" + (i % 4)), ExpectedVersion.any(), events(1 + i % 3));
        }
    }
}
