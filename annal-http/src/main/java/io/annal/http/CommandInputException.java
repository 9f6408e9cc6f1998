package io.annal.http;

/** A command body that is malformed or misses a field: answered with a 400 and its message. */
public final class CommandInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandInputException(String message) {
        super(message, null, false, false);
    }
}
