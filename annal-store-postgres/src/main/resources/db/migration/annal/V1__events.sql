-- Annal's event store. Flyway runs this with search_path set to the store's own schema, so the
-- names below are unqualified. The store's connections pin the same search_path.

-- Global positions, taken only through allocate_positions below, which assigns the
-- transaction its xid first, so that position order follows xid order (see docs/adr/0006).
CREATE SEQUENCE event_position AS bigint MINVALUE 0 START WITH 0;

CREATE TABLE events (
    position    bigint      NOT NULL PRIMARY KEY,
    stream      text        COLLATE "C" NOT NULL,
    version     bigint      NOT NULL,
    id          uuid        NOT NULL,
    type        text        NOT NULL,
    data        bytea       NOT NULL,
    metadata    bytea       NOT NULL,
    recorded_at timestamptz NOT NULL,
    -- The writing transaction: subscriptions read only rows below the oldest running one.
    tx          xid8        NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT events_stream_version UNIQUE (stream, version),
    CONSTRAINT events_stream_id UNIQUE (stream, id)
);

-- One row per stream name that was ever written, tombstoned or given metadata.
-- state is NULL for a name that only has metadata.
CREATE TABLE streams (
    name            text        COLLATE "C" NOT NULL PRIMARY KEY,
    -- The name in UTF-16BE: its bytes sort as Java's String.compareTo, the order of listings.
    sort_key        bytea       NOT NULL UNIQUE,
    state           text        CHECK (state IN ('LIVE', 'DELETED', 'TOMBSTONED')),
    last_version    bigint,
    last_write      timestamptz,
    -- Versions below this were soft-deleted and stay hidden whatever the metadata says.
    deleted_before  bigint      NOT NULL DEFAULT 0,
    max_count       bigint,
    max_age         text,       -- ISO-8601, exactly as set
    max_age_micros  bigint,     -- the same, for comparisons in SQL
    truncate_before bigint,
    custom          bytea
);

-- Gives the calling transaction its xid, then n new positions, both under a short lock: every
-- writer that takes positions this way gets them in the order of its xid, which is what lets
-- subscriptions read safely below the xmin horizon (docs/adr/0006). The lock is held only for
-- the allocation, not until commit, so writers in other processes still overlap.
CREATE FUNCTION allocate_positions(n integer) RETURNS SETOF bigint
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    lock_class constant integer := hashtext('annal.allocate_positions');
    lock_schema constant integer := hashtext(current_schema());
BEGIN
    PERFORM pg_advisory_lock(lock_class, lock_schema);
    BEGIN
        PERFORM pg_current_xact_id();
        RETURN QUERY SELECT nextval('event_position') FROM generate_series(1, n);
    EXCEPTION WHEN OTHERS OR query_canceled THEN
        PERFORM pg_advisory_unlock(lock_class, lock_schema);
        RAISE;
    END;
    PERFORM pg_advisory_unlock(lock_class, lock_schema);
END
$$;
