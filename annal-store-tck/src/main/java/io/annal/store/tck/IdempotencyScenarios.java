package io.annal.store.tck;

import static io.annal.store.tck.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.IdempotencyConflictException;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamMetadata;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

abstract class IdempotencyScenarios extends Scenarios {

    IdempotencyScenarios(EventStoreConformance suite) {
        super(suite);
    }

    @Test
    void full_retry_returns_the_original_result_as_a_duplicate() {
        store().append(stream("a"), ExpectedVersion.any(), events(2));
        List<EventData> batch = events(3);
        AppendResult original = store().append(stream("a"), ExpectedVersion.exact(1), batch);
        store().append(stream("a"), ExpectedVersion.any(), events(1));

        AppendResult retry = store().append(stream("a"), ExpectedVersion.exact(1), batch);

        assertThat(retry).isEqualTo(duplicateOf(original));
        assertThat(Reads.stream(store(), stream("a"))).hasSize(6);
        // a store that reports the original's time must report the time the events are read with
        retry.recordedAt()
                .ifPresent(at -> assertThat(at).isEqualTo(original.recordedAt().orElseThrow()));
    }

    @Test
    void full_retry_is_a_duplicate_whatever_the_expected_version() {
        List<EventData> batch = events(2);
        AppendResult original = store().append(stream("a"), ExpectedVersion.noStream(), batch);
        store().append(stream("a"), ExpectedVersion.any(), events(1));

        for (ExpectedVersion expected : List.of(
                ExpectedVersion.noStream(),
                ExpectedVersion.exact(0),
                ExpectedVersion.exact(99),
                ExpectedVersion.exists(),
                ExpectedVersion.any())) {
            assertThat(store().append(stream("a"), expected, batch))
                    .as("retry expecting %s", expected)
                    .isEqualTo(duplicateOf(original));
        }
        assertThat(Reads.stream(store(), stream("a"))).hasSize(3);
    }

    @Test
    void retry_of_events_hidden_by_a_soft_delete_is_a_duplicate() {
        List<EventData> batch = events(2);
        AppendResult original = store().append(stream("a"), ExpectedVersion.any(), batch);
        store().delete(stream("a"), ExpectedVersion.any());

        assertThat(store().append(stream("a"), ExpectedVersion.noStream(), batch))
                .isEqualTo(duplicateOf(original));
        assertThat(store().headPosition()).contains(original.lastPosition());
    }

    @Test
    void retry_of_events_hidden_by_retention_is_a_duplicate() {
        List<EventData> batch = events(2);
        AppendResult original = store().append(stream("a"), ExpectedVersion.any(), batch);
        store().append(stream("a"), ExpectedVersion.any(), events(3));
        store().setMetadata(stream("a"), StreamMetadata.none().withTruncateBefore(4));

        assertThat(store().append(stream("a"), ExpectedVersion.any(), batch)).isEqualTo(duplicateOf(original));
        assertThat(store().readStream(stream("a"), 0, Direction.FORWARD, 10).lastVersion())
                .isEqualTo(4);
    }

    @Test
    void retry_of_the_tail_of_an_earlier_batch_is_a_duplicate_at_its_versions() {
        List<EventData> batch = events(3);
        AppendResult original = store().append(stream("a"), ExpectedVersion.any(), batch);

        AppendResult retry = store().append(stream("a"), ExpectedVersion.any(), batch.subList(1, 3));

        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.firstVersion()).isEqualTo(original.firstVersion() + 1);
        assertThat(retry.lastVersion()).isEqualTo(original.lastVersion());
        assertThat(retry.lastPosition()).isEqualTo(original.lastPosition());
        assertThat(Reads.stream(store(), stream("a"))).hasSize(3);
    }

    @Test
    void partial_retry_is_an_idempotency_conflict_and_appends_nothing() {
        List<EventData> batch = events(2);
        store().append(stream("a"), ExpectedVersion.any(), batch);
        List<EventData> partly = new ArrayList<>(batch);
        partly.add(Events.event());

        assertConflict(partly);
    }

    @Test
    void retry_in_another_order_is_an_idempotency_conflict() {
        List<EventData> batch = events(2);
        store().append(stream("a"), ExpectedVersion.any(), batch);

        assertConflict(batch.reversed());
    }

    @Test
    void ids_from_non_consecutive_versions_are_an_idempotency_conflict() {
        List<EventData> written = events(3);
        store().append(stream("a"), ExpectedVersion.any(), written);

        assertConflict(List.of(written.get(0), written.get(2)));
    }

    @Test
    void the_same_event_id_in_another_stream_is_no_conflict() {
        List<EventData> batch = events(2);
        store().append(stream("a"), ExpectedVersion.any(), batch);

        AppendResult other = store().append(stream("b"), ExpectedVersion.noStream(), batch);

        assertThat(other.duplicate()).isFalse();
        assertThat(other.firstVersion()).isZero();
        assertThat(Reads.stream(store(), stream("b")))
                .extracting(e -> e.id())
                .containsExactlyElementsOf(AppendScenarios.ids(batch));
    }

    @Test
    void retry_to_a_tombstoned_stream_fails_with_stream_deleted() {
        List<EventData> batch = events(2);
        store().append(stream("a"), ExpectedVersion.any(), batch);
        store().tombstone(stream("a"), ExpectedVersion.any());

        assertThatThrownBy(() -> store().append(stream("a"), ExpectedVersion.any(), batch))
                .isInstanceOf(StreamDeletedException.class);
    }

    private void assertConflict(List<EventData> batch) {
        var before = Reads.all(store());

        assertThatThrownBy(() -> store().append(stream("a"), ExpectedVersion.any(), batch))
                .isInstanceOfSatisfying(
                        IdempotencyConflictException.class,
                        e -> assertThat(e.stream()).isEqualTo(stream("a")));

        assertThat(Reads.all(store())).isEqualTo(before);
    }

    static AppendResult duplicateOf(AppendResult original) {
        return new AppendResult(
                original.stream(),
                original.firstVersion(),
                original.lastVersion(),
                original.firstPosition(),
                original.lastPosition(),
                true);
    }
}
