package io.annal.benchmarks;

import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamName;
import io.annal.store.embedded.Durability;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fills an embedded store for the read and open drivers, quickly: no fsync, batches of 1,000 events
 * spread round-robin over the streams. A marker file records what a directory holds, so a filled
 * directory given again with {@code --dir} is reused instead of rewritten.
 */
final class StoreFill {

    private static final String MARKER = "bench-fill.txt";

    private StoreFill() {}

    /** Makes {@code dir} hold {@code events} events in {@code streams} streams of ~{@code size} B. */
    static void ensure(Path dir, long events, int streams, int size) throws IOException {
        String description = events + " events, " + streams + " streams, " + size + " B";
        Path marker = dir.resolve(MARKER);
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(description)) {
            return;
        }
        if (Files.exists(dir)) {
            try (var listing = Files.list(dir)) {
                if (listing.findAny().isPresent()) {
                    throw new IllegalArgumentException(
                            dir + " holds something else than " + description + "; give an empty or missing directory");
                }
            }
        }
        long t0 = System.nanoTime();
        try (EventStore store =
                EmbeddedEventStore.open(EmbeddedStoreConfig.of(dir).withDurability(Durability.UNSAFE_NO_FSYNC))) {
            fill(store, events, streams, size);
        }
        Files.writeString(marker, description);
        System.err.printf("filled %s with %s in %.1f s%n", dir, description, (System.nanoTime() - t0) / 1e9);
    }

    static void fill(EventStore store, long events, int streams, int size) {
        byte[] payload = new byte[size];
        StreamName[] names = new StreamName[streams];
        for (int s = 0; s < streams; s++) {
            names[s] = StreamName.of("fill-" + s);
        }
        int batch = 1000;
        long written = 0;
        for (long b = 0; written < events; b++) {
            int n = (int) Math.min(batch, events - written);
            List<EventData> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(EventData.of(UUID.randomUUID(), "FillEvent", payload, null));
            }
            store.append(names[(int) (b % streams)], ExpectedVersion.any(), list);
            written += n;
        }
    }
}
