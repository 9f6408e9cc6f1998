package io.annal.command;

import io.annal.store.EventData;
import io.annal.store.RecordedEvent;
import java.util.Map;
import java.util.UUID;

/**
 * Maps a decider's typed events to the store's {@link EventData} and back. The JSON codec fits
 * it directly ({@code annal-codec}'s {@code EventCodec}); tests can write one by hand. Decoding
 * gets the whole recorded event so that upcasters can look at the type and the metadata.
 *
 * @param <E> the event type
 */
public interface EventMapper<E> {

    /**
     * The event to append, with the given id. The metadata JSON object must hold every entry of
     * {@code metadata} (correlation, causation, user, time); the mapper may add keys of its own,
     * such as a schema version.
     */
    EventData encode(E event, UUID id, Map<String, String> metadata);

    /**
     * The typed event stored as {@code event}.
     *
     * @throws RuntimeException the event cannot be read: loading the stream fails with it
     */
    E decode(RecordedEvent event);
}
