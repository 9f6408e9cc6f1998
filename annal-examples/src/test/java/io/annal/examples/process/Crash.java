package io.annal.examples.process;

/** Thrown by a test's fault hook: the runtime stops right there, as if the process had died. */
public final class Crash extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Crash(String where) {
        super("simulated crash " + where);
    }
}
