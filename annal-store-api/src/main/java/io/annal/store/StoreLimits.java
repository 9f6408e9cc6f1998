package io.annal.store;

/** Limits every backend enforces, the same everywhere so that stores are interchangeable. */
public final class StoreLimits {

    /** The most bytes of data plus metadata in one event: 1 MiB. */
    public static final int MAX_EVENT_SIZE = 1 << 20;

    /** The most events in one read. */
    public static final int MAX_READ_COUNT = 4096;

    private StoreLimits() {}
}
