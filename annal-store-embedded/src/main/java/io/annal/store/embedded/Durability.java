package io.annal.store.embedded;

/** Whether an append waits for its bytes to reach the disk before it is acknowledged. */
public enum Durability {
    /** Every batch is forced to disk before its appends are acknowledged. The default. */
    FSYNC,
    /**
     * Batches are written but never forced: a crash of the machine (not only of the process) can
     * lose acknowledged appends. For tests and benchmarks only.
     */
    UNSAFE_NO_FSYNC
}
