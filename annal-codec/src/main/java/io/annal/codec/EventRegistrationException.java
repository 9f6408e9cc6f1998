package io.annal.codec;

/** The codec's configuration is inconsistent: a duplicate name, a broken upcaster chain, a gap. */
public final class EventRegistrationException extends CodecException {

    private static final long serialVersionUID = 1L;

    EventRegistrationException(String message) {
        super(message);
    }
}
