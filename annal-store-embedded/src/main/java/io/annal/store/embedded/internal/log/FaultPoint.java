package io.annal.store.embedded.internal.log;

/** Fixed points of the write path where tests inject a crash or an I/O failure. */
public enum FaultPoint {
    /** Half of a batch's bytes are written, the rest not yet. */
    MID_RECORD,
    /** A batch is written but not yet forced. */
    AFTER_WRITE_BEFORE_FORCE,
    /** The old segment is forced, the new one is being created. */
    DURING_SEGMENT_ROLL,
    /** The index checkpoint is written and forced under its temporary name, not yet renamed. */
    DURING_INDEX_CHECKPOINT,
    /** A scavenge has persisted which segments it reclaims, and has not yet deleted them. */
    DURING_SCAVENGE
}
