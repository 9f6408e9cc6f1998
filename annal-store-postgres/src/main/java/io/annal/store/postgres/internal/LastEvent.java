package io.annal.store.postgres.internal;

/**
 * A stream's last version and last write, as SQL on stream row {@code s}: those of its last event,
 * one probe of the events' {@code (stream, version)} index (migration V7). Events are never removed,
 * so a stream that was written always has one; both are NULL for a stream that was not.
 */
final class LastEvent {

    /** Joins {@code last_event.last_version} and {@code last_event.last_write} to the rows of {@code s}. */
    static final String JOIN = "LEFT JOIN LATERAL (SELECT l.version AS last_version, l.recorded_at AS last_write"
            + " FROM events l WHERE l.stream = s.name ORDER BY l.version DESC LIMIT 1) AS last_event ON true";

    /** The last version alone, as a value, for conditions evaluated only now and then. */
    static final String VERSION =
            "(SELECT l.version FROM events l WHERE l.stream = s.name ORDER BY l.version DESC LIMIT 1)";

    private LastEvent() {}
}
