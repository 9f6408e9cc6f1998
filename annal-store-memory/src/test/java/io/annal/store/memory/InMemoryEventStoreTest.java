package io.annal.store.memory;

import io.annal.store.EventStore;
import io.annal.store.tck.EventStoreConformance;
import java.time.InstantSource;

class InMemoryEventStoreTest extends EventStoreConformance {

    @Override
    protected EventStore openStore(InstantSource clock) {
        return InMemoryEventStore.create(clock);
    }
}
