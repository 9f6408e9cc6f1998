package io.annal.store.tck;

import io.annal.store.EventStore;
import io.annal.store.StreamName;

/** The base of every group of scenarios: the store under test and its clock, from the suite. */
abstract class Scenarios {

    private final EventStoreConformance suite;

    Scenarios(EventStoreConformance suite) {
        this.suite = suite;
    }

    final EventStore store() {
        return suite.store();
    }

    final MutableClock clock() {
        return suite.clock();
    }

    /** Closes the store and opens the same storage again; skips the scenario for a store that forgets. */
    final EventStore restart() {
        return suite.restart();
    }

    /** Closes the store now (the suite does not close it twice). */
    final void closeStore() {
        suite.closeStore();
    }

    static StreamName stream(String name) {
        return StreamName.of(name);
    }
}
