package io.annal.store.tck;

import io.annal.store.EventStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A stateful property: random operation sequences run against a fresh store and the model must
 * give the same outcome at every step. The sequences come from one printed seed, so a failure
 * replays exactly; a failing sequence is shrunk to a short one before it is reported.
 */
final class ModelProperty {

    private final Function<InstantSource, EventStore> openStore;
    private final Supplier<MutableClock> clocks;

    ModelProperty(Function<InstantSource, EventStore> openStore, Supplier<MutableClock> clocks) {
        this.openStore = openStore;
        this.clocks = clocks;
    }

    /** Runs {@code tries} sequences drawn from {@code seed}; throws an AssertionError naming the seed on failure. */
    void check(long seed, int tries) {
        Random random = new Random(seed);
        for (int attempt = 1; attempt <= tries; attempt++) {
            List<Operation> operations = Operation.randomSequence(random);
            if (failure(operations) != null) {
                List<Operation> smallest = shrink(operations);
                Throwable cause = failure(smallest);
                throw new AssertionError(
                        "the store differs from the model (seed " + seed + ", try " + attempt + " of " + tries
                                + "); shrunk from " + operations.size() + " to " + smallest.size()
                                + " operations: " + smallest + "\n" + cause.getMessage(),
                        cause);
            }
        }
    }

    /** Why {@code operations} fail against a fresh store, or null when they pass. */
    private Throwable failure(List<Operation> operations) {
        MutableClock clock = clocks.get();
        try (EventStore store = openStore.apply(clock)) {
            new ModelCheck(store, clock).run(operations);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    /** Removes chunks of operations, halving the chunk size, for as long as the sequence still fails. */
    private List<Operation> shrink(List<Operation> failing) {
        List<Operation> current = failing;
        for (int chunk = Math.max(1, current.size() / 2); chunk >= 1; chunk /= 2) {
            boolean removed = true;
            while (removed) {
                removed = false;
                for (int from = 0; from + chunk <= current.size() && current.size() > 1; from++) {
                    List<Operation> candidate = new ArrayList<>(current.subList(0, from));
                    candidate.addAll(current.subList(from + chunk, current.size()));
                    if (!candidate.isEmpty() && failure(candidate) != null) {
                        current = candidate;
                        removed = true;
                        break;
                    }
                }
            }
        }
        return current;
    }
}
