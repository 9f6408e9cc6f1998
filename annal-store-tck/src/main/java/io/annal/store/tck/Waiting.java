package io.annal.store.tck;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Waiting for asynchronous outcomes: polled often, with a bound generous enough for slow disks. */
final class Waiting {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(5);

    private Waiting() {}

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(BOUND).pollDelay(Duration.ZERO).pollInterval(POLL);
    }
}
