/**
 * The event store as role interfaces ({@link io.annal.store.EventAppender}, {@link
 * io.annal.store.StreamReader}, {@link io.annal.store.AllReader}, {@link
 * io.annal.store.EventSubscriber}, {@link io.annal.store.StreamAdmin}) and their value types. Every
 * backend implements {@link io.annal.store.EventStore} and passes the conformance suite in
 * {@code annal-store-tck}. JDK only.
 */
package io.annal.store;
