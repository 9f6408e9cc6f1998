package io.annal.codec;

/**
 * An event whose data or metadata cannot be read or bound: not JSON, not a JSON object, a missing
 * or mistyped field. The message names the event and where in the JSON the problem is.
 */
public final class MalformedEventException extends CodecException {

    private static final long serialVersionUID = 1L;

    MalformedEventException(String message) {
        super(message);
    }

    MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
