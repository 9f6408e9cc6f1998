package io.annal.store.tck;

import static io.annal.store.tck.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.Direction;
import io.annal.store.ExpectedVersion;
import io.annal.store.InvalidRequestException;
import io.annal.store.StoreLimits;
import io.annal.store.StreamNotFoundException;
import io.annal.store.StreamSlice;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

abstract class ReadStreamScenarios extends Scenarios {

    ReadStreamScenarios(EventStoreConformance suite) {
        super(suite);
    }

    @Test
    void read_forward_from_zero_returns_every_event_in_version_order() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));
        store().append(stream("b"), ExpectedVersion.any(), events(2));
        store().append(stream("a"), ExpectedVersion.any(), events(2));

        StreamSlice slice = store().readStream(stream("a"), 0, Direction.FORWARD, 100);

        assertThat(Reads.versions(slice.events())).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(slice.events()).allMatch(e -> e.stream().equals(stream("a")));
        assertThat(slice.lastVersion()).isEqualTo(4);
        assertThat(slice.next()).isEmpty();
        assertThat(slice.stream()).isEqualTo(stream("a"));
    }

    @Test
    void read_forward_pages_with_next() {
        store().append(stream("a"), ExpectedVersion.any(), events(5));

        StreamSlice first = store().readStream(stream("a"), 0, Direction.FORWARD, 2);
        StreamSlice second = store().readStream(stream("a"), first.next().getAsLong(), Direction.FORWARD, 2);
        StreamSlice third = store().readStream(stream("a"), second.next().getAsLong(), Direction.FORWARD, 2);

        assertThat(Reads.versions(first.events())).containsExactly(0L, 1L);
        assertThat(first.next()).isEqualTo(OptionalLong.of(2));
        assertThat(Reads.versions(second.events())).containsExactly(2L, 3L);
        assertThat(second.next()).isEqualTo(OptionalLong.of(4));
        assertThat(Reads.versions(third.events())).containsExactly(4L);
        assertThat(third.next()).isEmpty();
    }

    @Test
    void read_forward_of_exactly_the_rest_has_no_next() {
        store().append(stream("a"), ExpectedVersion.any(), events(4));

        StreamSlice slice = store().readStream(stream("a"), 2, Direction.FORWARD, 2);

        assertThat(Reads.versions(slice.events())).containsExactly(2L, 3L);
        assertThat(slice.next()).isEmpty();
    }

    @Test
    void read_backward_from_the_end_returns_events_descending_with_next() {
        store().append(stream("a"), ExpectedVersion.any(), events(5));

        StreamSlice first = store().readStream(stream("a"), Long.MAX_VALUE, Direction.BACKWARD, 2);
        StreamSlice second = store().readStream(stream("a"), first.next().getAsLong(), Direction.BACKWARD, 2);
        StreamSlice third = store().readStream(stream("a"), second.next().getAsLong(), Direction.BACKWARD, 2);

        assertThat(Reads.versions(first.events())).containsExactly(4L, 3L);
        assertThat(first.next()).isEqualTo(OptionalLong.of(2));
        assertThat(Reads.versions(second.events())).containsExactly(2L, 1L);
        assertThat(second.next()).isEqualTo(OptionalLong.of(0));
        assertThat(Reads.versions(third.events())).containsExactly(0L);
        assertThat(third.next()).isEmpty();
        assertThat(third.lastVersion()).isEqualTo(4);
    }

    @Test
    void read_backward_from_a_version_includes_that_version() {
        store().append(stream("a"), ExpectedVersion.any(), events(5));

        StreamSlice slice = store().readStream(stream("a"), 2, Direction.BACKWARD, 10);

        assertThat(Reads.versions(slice.events())).containsExactly(2L, 1L, 0L);
        assertThat(slice.next()).isEmpty();
    }

    @Test
    void read_forward_past_the_end_is_empty_and_reports_the_last_version() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));

        StreamSlice slice = store().readStream(stream("a"), 10, Direction.FORWARD, 5);

        assertThat(slice.events()).isEmpty();
        assertThat(slice.lastVersion()).isEqualTo(2);
        assertThat(slice.next()).isEmpty();
    }

    @Test
    void paging_forward_and_backward_yields_the_same_events() {
        store().append(stream("a"), ExpectedVersion.any(), events(23));

        var forward = Reads.stream(store(), stream("a"), Direction.FORWARD, 4);
        var backward = Reads.stream(store(), stream("a"), Direction.BACKWARD, 5);

        assertThat(forward).hasSize(23);
        assertThat(backward).containsExactlyElementsOf(forward.reversed());
    }

    @Test
    void read_of_a_never_written_stream_is_not_found() {
        assertThatThrownBy(() -> store().readStream(stream("nothing"), 0, Direction.FORWARD, 10))
                .isInstanceOfSatisfying(
                        StreamNotFoundException.class,
                        e -> assertThat(e.stream()).isEqualTo(stream("nothing")));
        assertThatThrownBy(() -> store().readStream(stream("nothing"), Long.MAX_VALUE, Direction.BACKWARD, 10))
                .isInstanceOf(StreamNotFoundException.class);
    }

    @Test
    void read_with_max_count_out_of_range_is_rejected() {
        store().append(stream("a"), ExpectedVersion.any(), events(1));

        assertThatThrownBy(() -> store().readStream(stream("a"), 0, Direction.FORWARD, 0))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> store().readStream(stream("a"), 0, Direction.FORWARD, StoreLimits.MAX_READ_COUNT + 1))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(store().readStream(stream("a"), 0, Direction.FORWARD, StoreLimits.MAX_READ_COUNT)
                        .events())
                .hasSize(1);
    }

    @Test
    void read_from_a_negative_version_is_rejected() {
        store().append(stream("a"), ExpectedVersion.any(), events(1));

        assertThatThrownBy(() -> store().readStream(stream("a"), -1, Direction.FORWARD, 10))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> store().readStream(stream("a"), -1, Direction.BACKWARD, 10))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void read_of_a_full_page_of_the_largest_count_returns_it_whole() {
        store().append(stream("a"), ExpectedVersion.any(), events(StoreLimits.MAX_READ_COUNT + 10));

        StreamSlice slice = store().readStream(stream("a"), 5, Direction.FORWARD, StoreLimits.MAX_READ_COUNT);

        assertThat(slice.events()).hasSize(StoreLimits.MAX_READ_COUNT);
        assertThat(slice.events().getFirst().version()).isEqualTo(5);
        assertThat(slice.next()).isEqualTo(OptionalLong.of(5 + StoreLimits.MAX_READ_COUNT));
    }
}
