package io.annal.store.embedded;

import io.annal.store.EventStore;
import io.annal.store.tck.EventStoreConformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The whole conformance suite against the embedded store; each scenario gets a fresh directory. */
class EmbeddedEventStoreConformanceTest extends EventStoreConformance {

    // Under target/, not a JUnit temporary directory: the suite's jqwik properties run outside Jupiter.
    private static final Path ROOT = Path.of("target", "conformance-stores");

    // JUnit makes a new instance per scenario, so the previous scenario's directory is kept here
    private static Path previous;

    private Path directory;

    @Override
    protected EventStore openStore(InstantSource clock) {
        // the suite has closed the previous scenario's store by now: its files can go
        if (previous != null) {
            deleteRecursively(previous);
        }
        try {
            directory = Files.createTempDirectory(Files.createDirectories(ROOT), "store-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        previous = directory;
        return EmbeddedEventStore.open(config(clock));
    }

    @Override
    protected Optional<EventStore> reopen(InstantSource clock) {
        return Optional.of(EmbeddedEventStore.open(config(clock)));
    }

    private EmbeddedStoreConfig config(InstantSource clock) {
        return EmbeddedStoreConfig.of(directory).withClock(clock).withSegmentSize(2 << 20);
    }

    private static void deleteRecursively(Path path) {
        try (Stream<Path> all = Files.walk(path)) {
            for (Path file : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
