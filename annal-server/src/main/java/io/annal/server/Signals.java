package io.annal.server;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT end the server with exit status 0 once the shutdown hook has stopped it
 * gracefully; the JVM's own handling would report 143 for a stop that went as planned.
 */
final class Signals {

    private Signals() {}

    @SuppressWarnings("removal")
    static void exitZeroOnTerm() {
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
        Signal.handle(new Signal("INT"), signal -> System.exit(0));
    }
}
