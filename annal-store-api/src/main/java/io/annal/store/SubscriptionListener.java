package io.annal.store;

/**
 * Receives a subscription's events, one at a time on the subscription's thread. Throwing from
 * {@link #onEvent} ends the subscription, reported through {@link #onClosed}.
 */
public interface SubscriptionListener {

    void onEvent(RecordedEvent event) throws Exception;

    /** Called each time the subscription has delivered everything appended so far. */
    default void onCaughtUp() {}

    /**
     * With a filter, reports progress through events the filter skipped, so that a checkpoint can
     * move even when nothing matches.
     */
    default void onCheckpoint(Position position) {}

    /** The subscription ended: by {@link Subscription#close()} ({@code error} null), or by a failure. */
    default void onClosed(Throwable error) {}
}
