package io.annal.projection;

import io.annal.store.Position;
import io.annal.store.StreamName;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event a projection could not apply, parked with its error so that the projection could go
 * on. The event itself stays in the log; {@code position} finds it again for a retry.
 *
 * @param generation the build of the projection that parked it (see {@link ProjectionStore})
 * @param attempts how many times it was tried before it was parked
 */
public record DeadLetter(
        String id,
        String projection,
        long generation,
        Position position,
        StreamName stream,
        long streamVersion,
        UUID eventId,
        String eventType,
        String error,
        int attempts,
        Instant parkedAt) {

    public DeadLetter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(parkedAt, "parkedAt");
    }
}
