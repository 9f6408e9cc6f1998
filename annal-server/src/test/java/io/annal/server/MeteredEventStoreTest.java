package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamAppend;
import io.annal.store.StreamName;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeteredEventStoreTest {

    @Test
    void counts_the_events_written_and_times_every_append_a_retry_included(@TempDir Path dir) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (MeteredEventStore store =
                new MeteredEventStore(EmbeddedEventStore.open(EmbeddedStoreConfig.of(dir)), registry)) {
            List<EventData> two = List.of(event(), event());

            store.append(StreamName.of("a-1"), ExpectedVersion.noStream(), two);
            store.append(StreamName.of("a-1"), ExpectedVersion.any(), two); // a retry: nothing written
            store.appendAtomically(List.of(
                    new StreamAppend(StreamName.of("b-1"), ExpectedVersion.any(), List.of(event())),
                    new StreamAppend(StreamName.of("b-2"), ExpectedVersion.any(), List.of(event(), event()))));

            assertThat(registry.get("annal.appends.events").counter().count()).isEqualTo(5);
            assertThat(registry.get("annal.appends").timer().count()).isEqualTo(3);
        }
    }

    private static EventData event() {
        return EventData.of(UUID.randomUUID(), "Noted", "{}".getBytes(), "{}".getBytes());
    }
}
