package io.annal.store;

/**
 * The storage underneath failed (disk full, an I/O error, a lost connection). The operation that
 * saw it was not acknowledged; nothing acknowledged before it is lost. The message says whether the
 * store can go on or must be reopened.
 */
public class StorageException extends EventStoreException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
