package io.annal.store.postgres;

import io.annal.store.EventStore;
import io.annal.store.tck.EventStoreConformance;
import java.time.InstantSource;
import java.util.Optional;

/** The whole conformance suite, each store in a schema of its own on the test server. */
class PostgresEventStoreConformanceTest extends EventStoreConformance {

    private String schema = "";

    @Override
    protected EventStore openStore(InstantSource clock) {
        schema = TestPostgres.freshSchema();
        return open(clock);
    }

    @Override
    protected Optional<EventStore> reopen(InstantSource clock) {
        return Optional.of(open(clock));
    }

    private EventStore open(InstantSource clock) {
        return PostgresEventStore.open(PostgresStoreConfig.forUrl(TestPostgres.url(), null, null)
                .withSchema(schema)
                .withClock(clock));
    }
}
