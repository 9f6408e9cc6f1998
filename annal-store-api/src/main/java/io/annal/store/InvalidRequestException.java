package io.annal.store;

/** An append or read request was malformed (no events, repeated ids, a bad argument): nothing changed. */
public final class InvalidRequestException extends EventStoreException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
