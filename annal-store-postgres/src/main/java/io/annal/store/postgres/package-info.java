/**
 * The PostgreSQL event store. {@link io.annal.store.postgres.PostgresEventStore#open} connects with
 * a {@link io.annal.store.postgres.PostgresStoreConfig}, creates or upgrades its tables in their own
 * schema with Flyway, and returns an {@link io.annal.store.EventStore} that follows {@code
 * docs/store-semantics.md}.
 *
 * <p>Appends from many callers share transactions (group commit). {@code $all} subscriptions read
 * only what committed below the oldest open transaction, so a transaction that commits late is
 * never skipped; a transaction left open holds them back, which {@link
 * io.annal.store.postgres.PostgresEventStore#horizonStatus} and a logged warning report. Any other
 * program that writes events into the schema must take positions through its {@code
 * allocate_positions} function. See {@code docs/adr/0006-postgres-global-order.md}.
 */
package io.annal.store.postgres;
