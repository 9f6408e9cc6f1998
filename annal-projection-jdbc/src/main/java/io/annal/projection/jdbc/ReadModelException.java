package io.annal.projection.jdbc;

/** The read-model database failed; the message carries the driver's reason. */
public final class ReadModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReadModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
