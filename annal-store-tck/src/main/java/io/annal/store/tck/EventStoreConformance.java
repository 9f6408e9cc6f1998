package io.annal.store.tck;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.annal.store.EventStore;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of {@code docs/store-semantics.md}. A backend adopts all of it with one
 * subclass that says how to open its store:
 *
 * <pre>{@code
 * class InMemoryEventStoreTest extends EventStoreConformance {
 *     protected EventStore openStore(InstantSource clock) { return InMemoryEventStore.create(clock); }
 * }
 * }</pre>
 *
 * <p>Every scenario group is a {@link Nested} class of this one and every test method is final or
 * lives in a class the backend cannot reach, so a subclass cannot leave anything out. A durable
 * backend also overrides {@link #reopen}; without it the restart scenarios report themselves as
 * skipped.
 *
 * <p>Randomized scenarios print their seed; {@code -Dannal.tck.seed=N} replays one.
 */
public abstract class EventStoreConformance {

    /** Where the test clock starts: a little after a millisecond, to check truncation. */
    static final Instant START = Instant.parse("2026-01-01T00:00:00.000123456Z");

    private final MutableClock clock = MutableClock.at(START);
    private Optional<EventStore> store = Optional.empty();

    /**
     * Opens a new, empty store on {@code clock}. Called once per scenario and once per property
     * try; the suite closes every store it opened.
     */
    protected abstract EventStore openStore(InstantSource clock);

    /**
     * For durable backends: opens again the storage of the store last opened by {@link #openStore},
     * which the suite has just closed. Empty, the default, for a store that does not outlive its
     * process.
     */
    protected Optional<EventStore> reopen(InstantSource clock) {
        return Optional.empty();
    }

    @BeforeEach
    final void openStoreUnderTest() {
        store = Optional.of(openStore(clock));
    }

    @AfterEach
    final void closeStoreUnderTest() {
        closeStore();
    }

    final EventStore store() {
        return store.orElseThrow(() -> new IllegalStateException("the store under test is closed"));
    }

    final MutableClock clock() {
        return clock;
    }

    final void closeStore() {
        store.ifPresent(EventStore::close);
        store = Optional.empty();
    }

    final EventStore restart() {
        closeStore();
        Optional<EventStore> reopened = reopen(clock);
        assumeTrue(reopened.isPresent(), "this store does not outlive a restart (override reopen for a durable one)");
        store = reopened;
        return reopened.orElseThrow();
    }

    /** Random operation sequences against the model; the seed is printed, {@code -Dannal.tck.seed=N} replays it. */
    @Test
    public final void random_operation_sequences_behave_like_the_model() {
        new ModelProperty(this::openStore, () -> MutableClock.at(START.truncatedTo(ChronoUnit.MILLIS)))
                .check(Seeds.seed("random_operation_sequences_behave_like_the_model"), 100);
    }

    @Nested
    class Appending extends AppendScenarios {
        Appending() {
            super(EventStoreConformance.this);
        }
    }

    @Nested
    class ExpectedVersions extends ExpectedVersionScenarios {
        ExpectedVersions() {
            super(EventStoreConformance.this);
        }
    }

    @Nested
    class Idempotency extends IdempotencyScenarios {
        Idempotency() {
            super(EventStoreConformance.this);
        }
    }

    @Nested
    class MultiStreamAppends extends MultiStreamAppendScenarios {
        MultiStreamAppends() {
            super(EventStoreConformance.this);
        }
    }

    @Nested
    class ReadingStreams extends ReadStreamScenarios {
        ReadingStreams() {
            super(EventStoreConformance.this);
        }
    }

    @Nested
    class ReadingAll extends ReadAllScenarios {
        ReadingAll() {
            super(EventStoreConformance.this);
        }
    }

    @Nested
    class Deleting extends DeletionScenarios {
        Deleting() {
            super(EventStoreConformance.this);
        }
    }

    @Nested
    class Tombstoning extends TombstoneScenarios {
        Tombstoning() {
            super(EventStoreConformance.this);
        }
    }

    @Nested
    class Retention extends RetentionScenarios {
        Retention() {
            super(EventStoreConformance.this);
        }
    }

    @Nested
    class StreamInfoAndListing extends AdminScenarios {
        StreamInfoAndListing() {
            super(EventStoreConformance.this);
        }
    }

    @Nested
    class StreamNames extends StreamNameScenarios {
        StreamNames() {
            super(EventStoreConformance.this);
        }
    }

    @Nested
    class Subscriptions extends SubscriptionScenarios {
        Subscriptions() {
            super(EventStoreConformance.this);
        }
    }

    @Nested
    class SubscriptionsUnderLoad extends LiveSubscriptionScenarios {
        SubscriptionsUnderLoad() {
            super(EventStoreConformance.this);
        }
    }

    @Nested
    class Concurrency extends ConcurrencyScenarios {
        Concurrency() {
            super(EventStoreConformance.this);
        }
    }

    @Nested
    class Restarts extends RestartScenarios {
        Restarts() {
            super(EventStoreConformance.this);
        }
    }
}
