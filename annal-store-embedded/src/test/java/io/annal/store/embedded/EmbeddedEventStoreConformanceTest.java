package io.annal.store.embedded;

import io.annal.store.EventStore;
import io.annal.store.tck.EventStoreConformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;

/** The whole conformance suite against the embedded store; each scenario gets a fresh directory. */
class EmbeddedEventStoreConformanceTest extends EventStoreConformance {

    // Under target/: the model property opens many stores per test, beyond one @TempDir's life.
    private static final Path ROOT = Path.of("target", "conformance-stores");

    private Path directory;

    @Override
    protected EventStore openStore(InstantSource clock) {
        try {
            directory = Files.createTempDirectory(Files.createDirectories(ROOT), "store-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return EmbeddedEventStore.open(config(clock));
    }

    @Override
    protected Optional<EventStore> reopen(InstantSource clock) {
        return Optional.of(EmbeddedEventStore.open(config(clock)));
    }

    private EmbeddedStoreConfig config(InstantSource clock) {
        return EmbeddedStoreConfig.of(directory).withClock(clock).withSegmentSize(2 << 20);
    }
}
