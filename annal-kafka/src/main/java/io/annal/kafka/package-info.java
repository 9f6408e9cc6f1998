/**
 * Integration events through Kafka: {@link io.annal.kafka.OutboxRelay} publishes the store's events
 * as CloudEvents (the log is the outbox), mapped by an {@link io.annal.kafka.IntegrationContract}
 * and routed by {@link io.annal.kafka.TopicRoutes}; {@link io.annal.kafka.InboxConsumer} with a
 * {@link io.annal.kafka.StoreInbox} receives them with exactly-once effect.
 */
package io.annal.kafka;
