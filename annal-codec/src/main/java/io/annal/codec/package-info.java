/**
 * JSON mapping between typed events and the store's {@link io.annal.store.EventData}: a registry of
 * stable type names with a schema version each, upcasters that bring old events to the current
 * shape at read time, and {@link io.annal.codec.Metadata} for the metadata object. The door is
 * {@link io.annal.codec.EventCodec}.
 */
package io.annal.codec;
