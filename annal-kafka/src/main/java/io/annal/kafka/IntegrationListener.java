package io.annal.kafka;

/**
 * Receives integration events from an {@link InboxConsumer}, at least once each. Make the effect
 * idempotent by the event's id: through a {@link StoreInbox}, or by sending a command whose id is
 * derived from it (the command runtime then applies it once).
 */
@FunctionalInterface
public interface IntegrationListener {

    /** Throwing stops the consumer; the event is delivered again when a consumer resumes. */
    void onEvent(IntegrationEvent event) throws Exception;
}
