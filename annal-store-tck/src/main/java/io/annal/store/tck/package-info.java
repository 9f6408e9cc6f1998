/**
 * The event store conformance suite. A backend's tests extend {@link
 * io.annal.store.tck.EventStoreConformance} once and so run every scenario of {@code
 * docs/store-semantics.md}, plus a property test against a model of the store.
 */
package io.annal.store.tck;
