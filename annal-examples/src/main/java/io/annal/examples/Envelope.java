package io.annal.examples;

import java.time.Instant;
import java.util.Objects;

/**
 * A domain event with where and when it was recorded: what views need that the event itself does
 * not say (a statement's entry version and time, a balance's version).
 *
 * @param version the event's version in its stream, from 0
 * @param recordedAt when the store recorded it
 */
public record Envelope<E>(long version, Instant recordedAt, E event) {

    public Envelope {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(event, "event");
    }

    public static <E> Envelope<E> of(long version, Instant recordedAt, E event) {
        return new Envelope<>(version, recordedAt, event);
    }
}
