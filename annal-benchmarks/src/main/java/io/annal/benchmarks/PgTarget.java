package io.annal.benchmarks;

/** Something {@link PostgresAppendLoad} appends to; each writer thread gets a writer of its own. */
interface PgTarget extends AutoCloseable {

    String name();

    /** A writer with its own stream (aggregate), used by one thread only. */
    Writer writer();

    interface Writer {
        /** Appends {@code events} new events to this writer's stream in one call. */
        void append(int events, byte[] payload) throws Exception;
    }
}
