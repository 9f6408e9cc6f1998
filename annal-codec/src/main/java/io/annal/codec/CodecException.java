package io.annal.codec;

/**
 * The root of every error the codec reports. Each subclass says what went wrong and what to do
 * about it.
 */
public class CodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CodecException(String message) {
        super(message);
    }

    CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
