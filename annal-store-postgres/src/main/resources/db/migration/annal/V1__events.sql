-- Annal's event store. Flyway runs this with search_path set to the store's own schema, so the
-- names below are unqualified. The store's connections pin the same search_path.

-- Global positions. They are taken only while holding the store's append lock, after the
-- transaction has its xid, so position order matches xid order (see docs/adr/0006).
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
    state           text        CHECK (state IN ('LIVE', 'DELETED', 'TOMBSTONED')),
    last_version    bigint,
    last_write      timestamptz,
    max_count       bigint,
    max_age         text,       -- ISO-8601, exactly as set
    max_age_micros  bigint,     -- the same, for comparisons in SQL
    truncate_before bigint,
    custom          bytea
);
