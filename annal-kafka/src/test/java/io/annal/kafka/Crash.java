package io.annal.kafka;

/** Thrown by a test's fault hook: the relay or consumer stops right there, as if it had died. */
final class Crash extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Crash(String where) {
        super("simulated crash " + where);
    }
}
