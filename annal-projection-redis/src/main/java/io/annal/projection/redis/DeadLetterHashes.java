package io.annal.projection.redis;

import io.annal.projection.DeadLetter;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A dead letter as a Redis hash. */
final class DeadLetterHashes {

    private DeadLetterHashes() {}

    static Map<String, String> of(
            String id,
            String projection,
            long generation,
            RecordedEvent event,
            String error,
            int attempts,
            Instant at) {
        return Map.ofEntries(
                Map.entry("id", id),
                Map.entry("projection", projection),
                Map.entry("generation", Long.toString(generation)),
                Map.entry("position", Long.toString(event.position().value())),
                Map.entry("stream", event.stream().value()),
                Map.entry("streamVersion", Long.toString(event.version())),
                Map.entry("eventId", event.id().toString()),
                Map.entry("eventType", event.type()),
                Map.entry("error", error),
                Map.entry("attempts", Integer.toString(attempts)),
                Map.entry("parkedAt", Long.toString(at.toEpochMilli())));
    }

    static DeadLetter read(Map<String, String> hash) {
        return new DeadLetter(
                hash.get("id"),
                hash.get("projection"),
                Long.parseLong(hash.get("generation")),
                Position.of(Long.parseLong(hash.get("position"))),
                new StreamName(hash.get("stream")),
                Long.parseLong(hash.get("streamVersion")),
                UUID.fromString(hash.get("eventId")),
                hash.get("eventType"),
                hash.get("error"),
                Integer.parseInt(hash.get("attempts")),
                Instant.ofEpochMilli(Long.parseLong(hash.get("parkedAt"))));
    }
}
