package io.annal.kafka;

import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where a relay resumes: the position after the last event the broker acknowledged, kept as the
 * single event of {@code $checkpoint-outbox-<name>} in the same store as the events.
 */
final class RelayCheckpoint {

    private final EventStore store;
    private final StreamName stream;

    RelayCheckpoint(EventStore store, String name) {
        this.store = store;
        this.stream = StreamName.system("$checkpoint-outbox-" + name);
    }

    Position load() {
        try {
            List<RecordedEvent> last = store.readStream(stream, Long.MAX_VALUE, Direction.BACKWARD, 1)
                    .events();
            return last.isEmpty()
                    ? Position.START
                    : Position.of(Long.parseLong(last.getFirst().dataAsString()));
        } catch (StreamNotFoundException e) {
            store.setMetadata(stream, StreamMetadata.none().withMaxCount(1));
            return Position.START;
        }
    }

    void save(Position next) {
        byte[] data = Long.toString(next.value()).getBytes(StandardCharsets.UTF_8);
        store.append(stream, ExpectedVersion.any(), List.of(EventData.of("OutboxCheckpoint", data)));
    }
}
