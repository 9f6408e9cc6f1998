package io.annal.store.tck;

import static io.annal.store.tck.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamMetadata;
import io.annal.store.WrongExpectedVersionException;
import org.junit.jupiter.api.Test;

abstract class TombstoneScenarios extends Scenarios {

    TombstoneScenarios(EventStoreConformance suite) {
        super(suite);
    }

    @Test
    void tombstoned_stream_refuses_reads() {
        store().append(stream("a"), ExpectedVersion.any(), events(2));

        store().tombstone(stream("a"), ExpectedVersion.exact(1));

        assertThatThrownBy(() -> store().readStream(stream("a"), 0, Direction.FORWARD, 10))
                .isInstanceOfSatisfying(
                        StreamDeletedException.class,
                        e -> assertThat(e.stream()).isEqualTo(stream("a")));
        assertThatThrownBy(() -> store().readStream(stream("a"), Long.MAX_VALUE, Direction.BACKWARD, 10))
                .isInstanceOf(StreamDeletedException.class);
    }

    @Test
    void tombstoned_stream_refuses_every_append_before_any_other_check() {
        store().append(stream("a"), ExpectedVersion.any(), events(2));
        store().tombstone(stream("a"), ExpectedVersion.any());

        for (ExpectedVersion expected : new ExpectedVersion[] {
            ExpectedVersion.any(),
            ExpectedVersion.noStream(),
            ExpectedVersion.exists(),
            ExpectedVersion.exact(1),
            ExpectedVersion.exact(7)
        }) {
            assertThatThrownBy(() -> store().append(stream("a"), expected, events(1)))
                    .as("append expecting %s", expected)
                    .isInstanceOf(StreamDeletedException.class);
        }
    }

    @Test
    void tombstoned_stream_events_vanish_from_read_all() {
        store().append(stream("a"), ExpectedVersion.any(), events(2));
        store().append(stream("b"), ExpectedVersion.any(), events(1));
        store().append(stream("a"), ExpectedVersion.any(), events(2));

        store().tombstone(stream("a"), ExpectedVersion.any());

        assertThat(Reads.all(store()))
                .singleElement()
                .satisfies(e -> assertThat(e.stream()).isEqualTo(stream("b")));
        assertThat(Reads.all(store(), Direction.BACKWARD, 1, EventFilter.all())).hasSize(1);
    }

    @Test
    void head_position_still_counts_events_of_a_tombstoned_stream() {
        var last = store().append(stream("a"), ExpectedVersion.any(), events(2));

        store().tombstone(stream("a"), ExpectedVersion.any());

        assertThat(store().headPosition()).contains(last.lastPosition());
    }

    @Test
    void a_never_written_name_can_be_tombstoned() {
        store().tombstone(stream("reserved"), ExpectedVersion.noStream());

        assertThatThrownBy(() -> store().append(stream("reserved"), ExpectedVersion.any(), events(1)))
                .isInstanceOf(StreamDeletedException.class);
        assertThatThrownBy(() -> store().readStream(stream("reserved"), 0, Direction.FORWARD, 1))
                .isInstanceOf(StreamDeletedException.class);
    }

    @Test
    void tombstoning_twice_fails_with_stream_deleted() {
        store().append(stream("a"), ExpectedVersion.any(), events(1));
        store().tombstone(stream("a"), ExpectedVersion.any());

        assertThatThrownBy(() -> store().tombstone(stream("a"), ExpectedVersion.any()))
                .isInstanceOf(StreamDeletedException.class);
    }

    @Test
    void tombstone_with_stale_expected_version_is_rejected_and_changes_nothing() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));

        assertThatThrownBy(() -> store().tombstone(stream("a"), ExpectedVersion.exact(0)))
                .isInstanceOfSatisfying(
                        WrongExpectedVersionException.class,
                        e -> assertThat(e.currentVersion()).contains(2L));

        assertThat(Reads.stream(store(), stream("a"))).hasSize(3);
    }

    @Test
    void tombstone_of_a_soft_deleted_stream_makes_its_name_unusable() {
        store().append(stream("a"), ExpectedVersion.any(), events(2));
        store().delete(stream("a"), ExpectedVersion.any());

        store().tombstone(stream("a"), ExpectedVersion.any());

        assertThatThrownBy(() -> store().append(stream("a"), ExpectedVersion.any(), events(1)))
                .isInstanceOf(StreamDeletedException.class);
    }

    @Test
    void metadata_of_a_tombstoned_stream_cannot_be_read_or_set() {
        store().append(stream("a"), ExpectedVersion.any(), events(1));
        store().tombstone(stream("a"), ExpectedVersion.any());

        assertThatThrownBy(() -> store().metadata(stream("a"))).isInstanceOf(StreamDeletedException.class);
        assertThatThrownBy(() ->
                        store().setMetadata(stream("a"), StreamMetadata.none().withMaxCount(1)))
                .isInstanceOf(StreamDeletedException.class);
    }
}
