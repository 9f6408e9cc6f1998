package io.annal.benchmarks;

import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamName;
import io.annal.store.embedded.Durability;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import io.annal.store.memory.InMemoryEventStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The things a load driver can append to, by name. */
final class Targets {

    private Targets() {}

    /** {@code checkpointBytes} 0 keeps the embedded store's default index checkpoint interval. */
    static AppendLoad.Target open(String name, Path dir, boolean fsync, long checkpointBytes) throws IOException {
        return switch (name) {
            case "embedded" -> {
                EmbeddedStoreConfig config = EmbeddedStoreConfig.of(dir)
                        .withDurability(fsync ? Durability.FSYNC : Durability.UNSAFE_NO_FSYNC);
                yield store(EmbeddedEventStore.open(
                        checkpointBytes > 0 ? config.withCheckpointEvery(checkpointBytes) : config));
            }
            case "memory" -> store(InMemoryEventStore.create());
            case "baseline" -> baseline(new FileChannelGroupCommit(dir.resolve("baseline.log"), fsync));
            default ->
                throw new IllegalArgumentException("--target is embedded, memory or baseline (got " + name + ")");
        };
    }

    static EventStore openStore(String name, Path dir) {
        return switch (name) {
            case "embedded" -> EmbeddedEventStore.open(EmbeddedStoreConfig.of(dir));
            case "memory" -> InMemoryEventStore.create();
            default -> throw new IllegalArgumentException("store is embedded or memory (got " + name + ")");
        };
    }

    private static AppendLoad.Target store(EventStore store) {
        return new AppendLoad.Target() {
            @Override
            public void append(StreamName stream, List<EventData> events) {
                store.append(stream, ExpectedVersion.any(), events);
            }

            @Override
            public void close() {
                store.close();
            }
        };
    }

    /** The baseline writes each event as one record of its data bytes: no framing or indexing. */
    private static AppendLoad.Target baseline(FileChannelGroupCommit log) {
        return new AppendLoad.Target() {
            @Override
            public void append(StreamName stream, List<EventData> events) throws Exception {
                int size = 0;
                for (EventData e : events) {
                    size += e.data().length;
                }
                byte[] record = new byte[size];
                int at = 0;
                for (EventData e : events) {
                    System.arraycopy(e.data(), 0, record, at, e.data().length);
                    at += e.data().length;
                }
                log.append(record);
            }

            @Override
            public void close() throws IOException {
                log.close();
            }
        };
    }
}
