package io.annal.store.tck;

import static io.annal.store.tck.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamNotFoundException;
import io.annal.store.StreamSlice;
import io.annal.store.WrongExpectedVersionException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

abstract class DeletionScenarios extends Scenarios {

    DeletionScenarios(EventStoreConformance suite) {
        super(suite);
    }

    @Test
    void soft_deleted_stream_reads_as_not_found() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));

        store().delete(stream("a"), ExpectedVersion.exact(2));

        assertThatThrownBy(() -> store().readStream(stream("a"), 0, Direction.FORWARD, 10))
                .isInstanceOf(StreamNotFoundException.class);
        assertThatThrownBy(() -> store().readStream(stream("a"), Long.MAX_VALUE, Direction.BACKWARD, 10))
                .isInstanceOf(StreamNotFoundException.class);
    }

    @Test
    void soft_deleted_stream_is_left_out_of_read_all() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));
        store().append(stream("b"), ExpectedVersion.any(), events(2));

        store().delete(stream("a"), ExpectedVersion.any());

        assertThat(Reads.all(store()))
                .allMatch(e -> e.stream().equals(stream("b")))
                .hasSize(2);
        assertThat(Reads.all(store(), Direction.BACKWARD, 1, EventFilter.all())).hasSize(2);
    }

    @Test
    void soft_delete_of_a_missing_stream_is_not_found() {
        assertThatThrownBy(() -> store().delete(stream("a"), ExpectedVersion.any()))
                .isInstanceOf(StreamNotFoundException.class);
        assertThat(store().info(stream("a"))).isEmpty();
    }

    @Test
    void soft_delete_of_a_deleted_stream_is_not_found() {
        store().append(stream("a"), ExpectedVersion.any(), events(1));
        store().delete(stream("a"), ExpectedVersion.any());

        assertThatThrownBy(() -> store().delete(stream("a"), ExpectedVersion.any()))
                .isInstanceOf(StreamNotFoundException.class);
    }

    @Test
    void soft_delete_with_stale_expected_version_is_rejected_and_changes_nothing() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));

        assertThatThrownBy(() -> store().delete(stream("a"), ExpectedVersion.exact(1)))
                .isInstanceOfSatisfying(
                        WrongExpectedVersionException.class,
                        e -> assertThat(e.currentVersion()).contains(2L));

        assertThat(Reads.stream(store(), stream("a"))).hasSize(3);
    }

    @Test
    void append_after_soft_delete_recreates_the_stream_with_versions_continuing() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));
        store().delete(stream("a"), ExpectedVersion.any());

        AppendResult again = store().append(stream("a"), ExpectedVersion.any(), events(2));

        assertThat(again.firstVersion()).isEqualTo(3);
        StreamSlice slice = store().readStream(stream("a"), 0, Direction.FORWARD, 10);
        assertThat(Reads.versions(slice.events())).containsExactly(3L, 4L);
        assertThat(slice.lastVersion()).isEqualTo(4);
        assertThat(Reads.versions(Reads.all(store()))).containsExactly(3L, 4L);
    }

    @Test
    void expected_no_stream_is_met_after_soft_delete() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));
        store().delete(stream("a"), ExpectedVersion.any());

        assertThat(store().append(stream("a"), ExpectedVersion.noStream(), events(1))
                        .firstVersion())
                .isEqualTo(3);
    }

    @Test
    void expected_exact_last_written_version_is_met_after_soft_delete() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));
        store().delete(stream("a"), ExpectedVersion.any());

        assertThat(store().append(stream("a"), ExpectedVersion.exact(2), events(1))
                        .firstVersion())
                .isEqualTo(3);
    }

    @Test
    void expected_exists_is_rejected_after_soft_delete_without_current_version() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));
        store().delete(stream("a"), ExpectedVersion.any());

        assertThatThrownBy(() -> store().append(stream("a"), ExpectedVersion.exists(), events(1)))
                .isInstanceOfSatisfying(
                        WrongExpectedVersionException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(Optional.empty()));
        assertThatThrownBy(() -> store().append(stream("a"), ExpectedVersion.exact(1), events(1)))
                .isInstanceOfSatisfying(
                        WrongExpectedVersionException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(Optional.empty()));
    }

    @Test
    void soft_delete_sets_truncate_before_past_the_last_version() {
        store().setMetadata(stream("a"), StreamMetadata.none().withMaxCount(10));
        store().append(stream("a"), ExpectedVersion.any(), events(3));

        store().delete(stream("a"), ExpectedVersion.any());

        assertThat(store().metadata(stream("a")))
                .isEqualTo(StreamMetadata.none().withMaxCount(10).withTruncateBefore(3));
    }

    @Test
    void soft_deleted_events_stay_hidden_when_the_metadata_is_replaced() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));
        store().delete(stream("a"), ExpectedVersion.any());
        store().append(stream("a"), ExpectedVersion.any(), events(1));

        store().setMetadata(stream("a"), StreamMetadata.none());

        assertThat(Reads.versions(Reads.stream(store(), stream("a")))).containsExactly(3L);
        assertThat(Reads.versions(Reads.all(store()))).containsExactly(3L);
    }
}
