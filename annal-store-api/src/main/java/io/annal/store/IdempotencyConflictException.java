package io.annal.store;

/**
 * Some of the appended event ids are already in the stream, but not as exactly this batch at one
 * place: it is neither a retry of an earlier append nor a new one. Nothing was appended.
 */
public final class IdempotencyConflictException extends EventStoreException {

    private static final long serialVersionUID = 1L;

    private final transient StreamName stream;

    public IdempotencyConflictException(StreamName stream, String detail) {
        super("append to stream '" + stream + "' repeats event ids of an earlier append only in part (" + detail
                + "); resend the earlier batch exactly, or give the new events new ids");
        this.stream = stream;
    }

    public StreamName stream() {
        return stream;
    }
}
