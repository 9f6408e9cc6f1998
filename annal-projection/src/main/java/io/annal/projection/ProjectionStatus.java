package io.annal.projection;

/** What a projection is doing, as the admin API reports it (lower-case there). */
public enum ProjectionStatus {
    /** Catching up or following live appends. */
    RUNNING,
    /** Stopped by an operator; resumes from its checkpoint. */
    PAUSED,
    /** Stopped with the manager. */
    STOPPED,
    /** Stopped by an error it could not get past; resume retries from the checkpoint. */
    FAILED,
    /** A new build runs beside the one that serves, and takes over once it has caught up. */
    REBUILDING
}
