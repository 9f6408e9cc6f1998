package io.annal.kafka;

import io.annal.store.RecordedEvent;

/**
 * Turns a stored event into the JSON payload of one version of its integration contract. When
 * the domain event changes shape, this is where the published version keeps its old one.
 */
@FunctionalInterface
public interface PayloadMapper {

    byte[] payload(RecordedEvent event);

    /** The stored data as it is: right while the domain event still has the contract's shape. */
    static PayloadMapper asStored() {
        return RecordedEvent::data;
    }
}
