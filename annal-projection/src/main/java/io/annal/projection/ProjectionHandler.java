package io.annal.projection;

import io.annal.store.RecordedEvent;

/**
 * Applies events to a read model. {@code C} is what the read-model store hands over for one
 * transaction, such as a JDBC connection. A handler sees each event once in effect: the store
 * records the checkpoint with the handler's changes, or makes the writes idempotent.
 */
@FunctionalInterface
public interface ProjectionHandler<C> {

    /** Applies one event selected by the projection's filter. Throwing asks for a retry. */
    void handle(C context, RecordedEvent event) throws Exception;

    /** Creates what a fresh build needs (tables, indexes); called once per build, before any event. */
    default void prepare(C context) throws Exception {}
}
