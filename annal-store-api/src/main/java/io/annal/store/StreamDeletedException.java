package io.annal.store;

/** The stream was tombstoned (hard-deleted): its name can never be read or written again. */
public final class StreamDeletedException extends EventStoreException {

    private static final long serialVersionUID = 1L;

    private final transient StreamName stream;

    public StreamDeletedException(StreamName stream) {
        super("stream '" + stream + "' was permanently deleted and its name cannot be used again; choose a new name");
        this.stream = stream;
    }

    public StreamName stream() {
        return stream;
    }
}
