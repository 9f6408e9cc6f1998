package io.annal.store;

/**
 * The root of every error the store reports. Each subclass says what went wrong and what to do
 * about it; none of them means an acknowledged event was lost.
 */
public abstract class EventStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected EventStoreException(String message) {
        super(message);
    }

    protected EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
