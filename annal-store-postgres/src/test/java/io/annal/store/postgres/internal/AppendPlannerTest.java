package io.annal.store.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.IdempotencyConflictException;
import io.annal.store.StreamAppend;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamName;
import io.annal.store.StreamState;
import io.annal.store.WrongExpectedVersionException;
import io.annal.store.postgres.internal.AppendPlanner.EventKey;
import io.annal.store.postgres.internal.AppendPlanner.Fresh;
import io.annal.store.postgres.internal.AppendPlanner.PartPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Appends planned in one batch see each other exactly as separate transactions would. */
class AppendPlannerTest {

    private static final StreamName STREAM = StreamName.of("s");

    private final Map<StreamName, StreamRecord> streams = new HashMap<>();
    private final Map<EventKey, EventSlot> stored = new HashMap<>();
    private final AppendPlanner planner = new AppendPlanner(streams, stored);
    private long nextPosition = 100;

    private AppendResult plan(ExpectedVersion expected, EventData... events) {
        List<PartPlan> plans = planner.plan(List.of(StreamAppend.of(STREAM, expected, List.of(events))));
        for (PartPlan plan : plans) {
            if (plan instanceof Fresh fresh) {
                fresh.slots().forEach(slot -> slot.allocate(nextPosition++));
            }
        }
        return plans.getFirst().result();
    }

    @Test
    void a_second_append_in_the_same_batch_continues_from_the_first() {
        AppendResult first = plan(ExpectedVersion.noStream(), EventData.json("A", "{}"));
        AppendResult second = plan(ExpectedVersion.exact(0), EventData.json("B", "{}"));

        assertThat(first.firstVersion()).isZero();
        assertThat(second.firstVersion()).isEqualTo(1);
        assertThat(second.firstPosition()).isGreaterThan(first.lastPosition());
        assertThatThrownBy(() -> plan(ExpectedVersion.noStream(), EventData.json("C", "{}")))
                .isInstanceOf(WrongExpectedVersionException.class);
    }

    @Test
    void a_retry_in_the_same_batch_repeats_the_result_it_retries() {
        EventData a = EventData.json("A", "{}");
        EventData b = EventData.json("B", "{}");
        AppendResult original = plan(ExpectedVersion.noStream(), a, b);

        AppendResult retry = plan(ExpectedVersion.noStream(), a, b);

        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.firstPosition()).isEqualTo(original.firstPosition());
        assertThat(retry.lastVersion()).isEqualTo(original.lastVersion());
        assertThatThrownBy(() -> plan(ExpectedVersion.any(), b, EventData.json("C", "{}")))
                .isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    void a_failed_part_leaves_the_batch_state_as_it_was() {
        StreamName other = StreamName.of("other");
        streams.put(other, new StreamRecord(other, Optional.of(StreamState.TOMBSTONED), 3));

        assertThatThrownBy(() -> planner.plan(List.of(
                        StreamAppend.of(STREAM, ExpectedVersion.any(), List.of(EventData.json("A", "{}"))),
                        StreamAppend.of(other, ExpectedVersion.any(), List.of(EventData.json("B", "{}"))))))
                .isInstanceOf(StreamDeletedException.class);

        assertThat(plan(ExpectedVersion.noStream(), EventData.json("A", "{}")).firstVersion())
                .isZero();
    }
}
