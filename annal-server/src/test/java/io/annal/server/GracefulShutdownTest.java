package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.annal.store.Direction;
import io.annal.store.EventStore;
import io.annal.store.StreamName;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping under load: every append the server acknowledged is in the store afterwards. */
class GracefulShutdownTest {

    @TempDir
    Path dataDir;

    @Test
    void every_acknowledged_append_survives_a_stop_under_load() throws Exception {
        TestServer server = TestServer.start(dataDir);
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger count = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String stream = "load-" + w;
            writers.add(Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        TestServer.Answer answer = server.post(
                                "/streams/" + stream,
                                "[{\"type\":\"Tick\",\"data\":1},{\"type\":\"Tick\",\"data\":2}]");
                        if (answer.status() != 201) {
                            return;
                        }
                        acknowledged.put(
                                stream, answer.json().get("lastVersion").asLong());
                        count.incrementAndGet();
                    }
                } catch (AssertionError stopped) {
                    // the server closed the connection: the load is over
                }
            }));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count.get() >= 100);

        server.close();
        for (Thread writer : writers) {
            writer.join(Duration.ofSeconds(30));
        }

        assertThat(acknowledged).isNotEmpty();
        try (EventStore store = EmbeddedEventStore.open(EmbeddedStoreConfig.of(dataDir))) {
            for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
                long last = store.readStream(StreamName.of(ack.getKey()), Long.MAX_VALUE, Direction.BACKWARD, 1)
                        .lastVersion();
                assertThat(last).as(ack.getKey()).isGreaterThanOrEqualTo(ack.getValue());
            }
        }
    }
}
