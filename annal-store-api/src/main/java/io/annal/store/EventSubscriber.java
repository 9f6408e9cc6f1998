package io.annal.store;

/**
 * Subscriptions: catch up from a starting point, then follow live appends, with no gap, no
 * duplicate and no reordering at the switch. Each subscription delivers on its own thread, one
 * event at a time; a slow listener slows only its own subscription, which then reads from storage
 * rather than buffering without bound.
 */
public interface EventSubscriber {

    /** Subscribes to every stream, in the global order. */
    Subscription subscribeToAll(SubscriptionStart start, EventFilter filter, SubscriptionListener listener);

    /** Subscribes to one stream, in version order; {@code start} counts versions, not positions. */
    Subscription subscribeToStream(StreamName stream, SubscriptionStart start, SubscriptionListener listener);
}
