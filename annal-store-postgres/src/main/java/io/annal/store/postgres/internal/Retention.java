package io.annal.store.postgres.internal;

/**
 * The SQL form of "live" (docs/store-semantics.md): an event of stream row {@code s} is live when
 * its version is at least {@link io.annal.store.StreamMetadata#firstKeptVersion} and not below a
 * soft delete, and, with a
 * {@code maxAge}, it was recorded no earlier than now minus that age. Takes one parameter: now.
 */
final class Retention {

    static final String FIRST_KEPT_VERSION =
            "GREATEST(s.deleted_before, COALESCE(s.truncate_before, 0), COALESCE(s.last_version - s.max_count + 1, 0))";

    static final String LIVE_EVENT = "e.version >= " + FIRST_KEPT_VERSION
            + " AND (s.max_age_micros IS NULL"
            + " OR e.recorded_at >= ?::timestamptz - s.max_age_micros * interval '1 microsecond')";

    /** The largest age kept exactly; longer ages are as good as forever and are capped to this. */
    static final long MAX_AGE_MICROS = 1L << 53;

    private Retention() {}
}
