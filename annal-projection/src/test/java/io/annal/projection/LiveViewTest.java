package io.annal.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.domain.View;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LiveViewTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final StreamName ACCOUNT = StreamName.of("account-1");

    /** Sums the amounts, which are the events' data. */
    private static final View<Long, Long> SUM = new View<>() {
        @Override
        public Long initialState() {
            return 0L;
        }

        @Override
        public Long evolve(Long state, Long amount) {
            return state + amount;
        }
    };

    private static final Function<RecordedEvent, Long> AMOUNT = LiveViewTest::amount;

    private static long amount(RecordedEvent event) {
        return Long.parseLong(event.dataAsString());
    }

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InMemoryEventStore store = InMemoryEventStore.create(now::get);

    @Test
    void a_stream_is_folded_whole_at_a_version_or_as_of_an_instant() {
        for (int amount = 1; amount <= 4; amount++) {
            now.set(T0.plusSeconds(amount * 10L));
            store.append(
                    ACCOUNT, ExpectedVersion.any(), List.of(EventData.json("Deposited", Integer.toString(amount))));
        }

        assertThat(LiveView.load(store, ACCOUNT, SUM, AMOUNT)).isEqualTo(10);
        assertThat(LiveView.atVersion(store, ACCOUNT, SUM, AMOUNT, 1)).isEqualTo(3);
        assertThat(LiveView.asOf(store, ACCOUNT, SUM, AMOUNT, T0.plusSeconds(30)))
                .isEqualTo(6);
        assertThat(LiveView.asOf(store, ACCOUNT, SUM, AMOUNT, T0)).isZero();
    }

    @Test
    void a_missing_stream_folds_to_the_initial_state() {
        assertThat(LiveView.load(store, StreamName.of("account-none"), SUM, AMOUNT))
                .isZero();
    }
}
