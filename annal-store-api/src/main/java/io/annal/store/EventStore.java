package io.annal.store;

/**
 * A whole event store: every role, for code that needs more than one. Prefer depending on the
 * narrowest role. Closing it finishes appends in flight, closes subscriptions and releases
 * storage.
 */
public interface EventStore
        extends EventAppender, StreamReader, AllReader, EventSubscriber, StreamAdmin, AutoCloseable {

    @Override
    void close();
}
