package io.annal.codec;

/** What {@link EventCodec#decode} does with an event type it does not know. Never: drop it. */
public enum UnknownTypePolicy {
    /** Throw {@link UnknownEventTypeException}, naming the type and what to register. */
    FAIL,
    /** Return it as {@link Decoded.Unknown}, data and metadata intact, for the caller to skip or keep. */
    PASS_THROUGH
}
