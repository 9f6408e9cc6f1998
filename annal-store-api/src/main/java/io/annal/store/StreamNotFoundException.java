package io.annal.store;

/** The stream has no events, or was soft-deleted. */
public final class StreamNotFoundException extends EventStoreException {

    private static final long serialVersionUID = 1L;

    private final transient StreamName stream;

    public StreamNotFoundException(StreamName stream) {
        super("stream '" + stream + "' does not exist (it has no events or was deleted)");
        this.stream = stream;
    }

    public StreamName stream() {
        return stream;
    }
}
