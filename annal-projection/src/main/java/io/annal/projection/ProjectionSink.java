package io.annal.projection;

import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import java.util.List;
import java.util.Optional;

/**
 * One generation of one projection in its store: applies events and moves the checkpoint as one
 * step. Each method is atomic: after a crash, either all of its effect is there or none is.
 */
public interface ProjectionSink {

    /** The last position applied, empty before the first. */
    Optional<Position> checkpoint() throws Exception;

    /**
     * Applies the events whose position is past the stored checkpoint, in order, and moves the
     * checkpoint to {@code upTo}. Events at or before the checkpoint are skipped, so redelivery
     * changes nothing.
     */
    void apply(List<RecordedEvent> events, Position upTo) throws Exception;

    /** Parks {@code event} as a dead letter and moves the checkpoint past it. */
    void park(RecordedEvent event, String error, int attempts) throws Exception;

    /**
     * Applies a parked event now and removes its dead letter; the checkpoint stays where it is.
     * When the handler fails again, nothing changes and the dead letter stays.
     */
    void retry(DeadLetter letter, RecordedEvent event) throws Exception;
}
