package io.annal.codec;

/**
 * A stored event whose type name and schema version the codec neither binds nor upcasts. Raised
 * when the codec is built with {@link UnknownTypePolicy#FAIL}, and always by {@link
 * EventCodec#decodeEvent}, which has no typed value to give.
 */
public final class UnknownEventTypeException extends CodecException {

    private static final long serialVersionUID = 1L;

    private final String typeName;
    private final int schemaVersion;

    UnknownEventTypeException(EventType type, String message) {
        super(message);
        this.typeName = type.name();
        this.schemaVersion = type.version();
    }

    public String typeName() {
        return typeName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }
}
