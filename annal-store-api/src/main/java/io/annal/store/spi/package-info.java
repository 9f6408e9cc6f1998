/**
 * Building blocks for backends, not for applications: the catch-up-then-live subscription engine
 * and the notifier that wakes it. A backend supplies a way to read pages; the engine gives every
 * backend the same gap-free, bounded-memory subscription semantics.
 */
package io.annal.store.spi;
