package io.annal.store.tck;

import static io.annal.store.tck.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.EventTooLargeException;
import io.annal.store.ExpectedVersion;
import io.annal.store.IdempotencyConflictException;
import io.annal.store.InvalidRequestException;
import io.annal.store.RecordedEvent;
import io.annal.store.StoreLimits;
import io.annal.store.StreamAppend;
import io.annal.store.StreamDeletedException;
import io.annal.store.WrongExpectedVersionException;
import java.util.List;
import org.junit.jupiter.api.Test;

abstract class MultiStreamAppendScenarios extends Scenarios {

    MultiStreamAppendScenarios(EventStoreConformance suite) {
        super(suite);
    }

    @Test
    void atomic_append_appends_every_part_in_order() {
        store().append(stream("b"), ExpectedVersion.any(), events(2));

        List<AppendResult> results = store().appendAtomically(List.of(
                StreamAppend.of(stream("a"), ExpectedVersion.noStream(), events(2)),
                StreamAppend.of(stream("b"), ExpectedVersion.exact(1), events(3)),
                StreamAppend.of(stream("c"), ExpectedVersion.any(), events(1))));

        assertThat(results).extracting(AppendResult::stream).containsExactly(stream("a"), stream("b"), stream("c"));
        assertThat(results).extracting(AppendResult::firstVersion).containsExactly(0L, 2L, 0L);
        assertThat(results).extracting(AppendResult::lastVersion).containsExactly(1L, 4L, 0L);
        assertThat(results).noneMatch(AppendResult::duplicate);
        assertThat(results.get(0).lastPosition()).isLessThan(results.get(1).firstPosition());
        assertThat(results.get(1).lastPosition()).isLessThan(results.get(2).firstPosition());
        assertThat(Reads.stream(store(), stream("b"))).hasSize(5);
    }

    @Test
    void an_append_reports_the_time_its_events_are_read_with() {
        AppendResult single = store().append(stream("a"), ExpectedVersion.any(), events(3));
        List<AppendResult> parts = store().appendAtomically(List.of(
                StreamAppend.of(stream("b"), ExpectedVersion.any(), events(2)),
                StreamAppend.of(stream("a"), ExpectedVersion.exact(2), events(1))));

        assertRecordedAtAsRead(single, 0);
        assertRecordedAtAsRead(parts.get(0), 0);
        assertRecordedAtAsRead(parts.get(1), 3);
    }

    private void assertRecordedAtAsRead(AppendResult result, int fromIndex) {
        assertThat(result.recordedAt()).as("recordedAt of a fresh append").isPresent();
        List<RecordedEvent> read = Reads.stream(store(), result.stream());
        assertThat(read.subList(fromIndex, fromIndex + result.count()))
                .extracting(RecordedEvent::recordedAt)
                .containsOnly(result.recordedAt().orElseThrow());
    }

    @Test
    void atomic_append_with_one_stale_part_appends_nothing() {
        store().append(stream("b"), ExpectedVersion.any(), events(2));

        assertRejectedWithNothingAppended(
                List.of(
                        StreamAppend.of(stream("a"), ExpectedVersion.noStream(), events(2)),
                        StreamAppend.of(stream("b"), ExpectedVersion.exact(0), events(1))),
                WrongExpectedVersionException.class);
    }

    @Test
    void atomic_append_reports_the_first_failing_part() {
        store().append(stream("b"), ExpectedVersion.any(), events(1));
        store().tombstone(stream("c"), ExpectedVersion.any());

        assertRejectedWithNothingAppended(
                List.of(
                        StreamAppend.of(stream("a"), ExpectedVersion.any(), events(1)),
                        StreamAppend.of(stream("b"), ExpectedVersion.noStream(), events(1)),
                        StreamAppend.of(stream("c"), ExpectedVersion.any(), events(1))),
                WrongExpectedVersionException.class);
    }

    @Test
    void atomic_append_with_a_tombstoned_part_appends_nothing() {
        store().tombstone(stream("b"), ExpectedVersion.any());

        assertRejectedWithNothingAppended(
                List.of(
                        StreamAppend.of(stream("a"), ExpectedVersion.any(), events(1)),
                        StreamAppend.of(stream("b"), ExpectedVersion.any(), events(1))),
                StreamDeletedException.class);
    }

    @Test
    void atomic_append_with_an_oversized_event_appends_nothing() {
        assertRejectedWithNothingAppended(
                List.of(
                        StreamAppend.of(stream("a"), ExpectedVersion.any(), events(1)),
                        StreamAppend.of(
                                stream("b"),
                                ExpectedVersion.any(),
                                List.of(Events.ofSize(StoreLimits.MAX_EVENT_SIZE + 1)))),
                EventTooLargeException.class);
    }

    @Test
    void atomic_append_with_a_partial_retry_appends_nothing() {
        List<EventData> earlier = events(2);
        store().append(stream("b"), ExpectedVersion.any(), earlier);

        assertRejectedWithNothingAppended(
                List.of(
                        StreamAppend.of(stream("a"), ExpectedVersion.any(), events(1)),
                        StreamAppend.of(stream("b"), ExpectedVersion.any(), List.of(earlier.get(0), Events.event()))),
                IdempotencyConflictException.class);
    }

    @Test
    void atomic_append_naming_a_stream_twice_is_rejected() {
        assertRejectedWithNothingAppended(
                List.of(
                        StreamAppend.of(stream("a"), ExpectedVersion.any(), events(1)),
                        StreamAppend.of(stream("a"), ExpectedVersion.any(), events(1))),
                InvalidRequestException.class);
    }

    @Test
    void atomic_append_without_parts_is_rejected() {
        assertThatThrownBy(() -> store().appendAtomically(List.of())).isInstanceOf(InvalidRequestException.class);
        assertThat(store().headPosition()).isEmpty();
    }

    @Test
    void atomic_append_with_an_empty_part_is_rejected() {
        assertRejectedWithNothingAppended(
                List.of(
                        StreamAppend.of(stream("a"), ExpectedVersion.any(), events(1)),
                        StreamAppend.of(stream("b"), ExpectedVersion.any(), List.of())),
                InvalidRequestException.class);
    }

    @Test
    void atomic_append_skips_a_part_that_is_a_complete_retry() {
        List<EventData> earlier = events(2);
        AppendResult original = store().append(stream("b"), ExpectedVersion.any(), earlier);

        List<AppendResult> results = store().appendAtomically(List.of(
                StreamAppend.of(stream("a"), ExpectedVersion.noStream(), events(1)),
                StreamAppend.of(stream("b"), ExpectedVersion.noStream(), earlier)));

        assertThat(results.get(0).duplicate()).isFalse();
        assertThat(results.get(1)).isEqualTo(IdempotencyScenarios.duplicateOf(original));
        assertThat(Reads.stream(store(), stream("a"))).hasSize(1);
        assertThat(Reads.stream(store(), stream("b"))).hasSize(2);
    }

    private void assertRejectedWithNothingAppended(List<StreamAppend> parts, Class<? extends Exception> failure) {
        var before = Reads.all(store());
        var head = store().headPosition();

        assertThatThrownBy(() -> store().appendAtomically(parts)).isInstanceOf(failure);

        assertThat(Reads.all(store())).isEqualTo(before);
        assertThat(store().headPosition()).isEqualTo(head);
        assertThat(store().info(stream("a"))).isEmpty();
    }
}
