package io.annal.store;

/** Whether a stream can be read and written. */
public enum StreamState {
    /** Has events and can be read. */
    LIVE,
    /** Soft-deleted: reads as not found; the next append re-creates it, versions continuing. */
    DELETED,
    /** Hard-deleted: the name can never be read or written again. */
    TOMBSTONED
}
