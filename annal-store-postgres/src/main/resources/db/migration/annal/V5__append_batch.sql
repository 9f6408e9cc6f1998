-- The common append with fewer statements than append_fast (V4), which spent more server time in
-- plpgsql than in its writes: begin_append's RETURN QUERY per locked row, a loop over its rows,
-- array_position per part, and one probe per event for an id already stored.
--
-- One entry per stream, not per part: the caller folds the parts of a batch that go to one stream
-- into the version the stream must have before the batch (expected: the exact version, or -1 no
-- stream, -2 any, -3 exists). Events come in batch order with their stream's name and their
-- 1-based rank in that stream within the batch. Returns one row per event, in that order, with its
-- position and version; no rows and no event written when a stream fails its check.
--
-- No probe for stored ids: the events_stream_id index refuses an id already stored (SQLSTATE
-- 23505), which ends the request with nothing written, and the caller then plans the batch in full.
-- The order of work is begin_append's (docs/adr/0006): positions first, then the stream rows
-- locked (existing ones in name order, then missing ones created), then the AN001 check that along
-- a stream positions rise with versions.
CREATE FUNCTION append_batch(
    names text[], sort_keys bytea[], expected bigint[], sizes integer[],
    ev_streams text[], ev_ranks integer[], ev_ids uuid[], ev_types text[], ev_data bytea[], ev_meta bytea[],
    recorded timestamptz)
RETURNS TABLE (pos bigint, version bigint)
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
#variable_conflict use_column
DECLARE
    positions bigint[] := ARRAY(SELECT a.a FROM allocate_positions(cardinality(ev_ids)) AS a(a));
    locked bigint;
    ok boolean;
    written boolean;
    -- Each stream's last version before the batch, -1 for none; in the order of names.
    bases bigint[];
BEGIN
    FOR attempt IN 1..2 LOOP
        -- The subquery locks in name order; the outer query lines the rows up with names.
        SELECT count(l.name),
               bool_and(CASE WHEN l.state = 'LIVE' THEN u.x IN (-2, -3) OR u.x = l.last_version
                             WHEN l.state IS NULL AND l.last_version IS NULL THEN u.x IN (-1, -2)
                             ELSE false END),
               bool_or(l.last_version IS NOT NULL),
               array_agg(coalesce(l.last_version, -1) ORDER BY u.o)
            INTO locked, ok, written, bases
            FROM unnest(names, expected) WITH ORDINALITY AS u(n, x, o)
            LEFT JOIN (SELECT s.name, s.state, s.last_version FROM streams s
                WHERE s.name = ANY (names) ORDER BY s.name FOR UPDATE) AS l ON l.name = u.n;
        EXIT WHEN locked = cardinality(names) OR attempt = 2;
        -- Rows created by another writer meanwhile are locked as they are by the second pass.
        INSERT INTO streams AS s (name, sort_key)
            SELECT u.n, u.k FROM unnest(names, sort_keys) AS u(n, k) ORDER BY u.n COLLATE "C"
            ON CONFLICT (name) DO NOTHING;
    END LOOP;
    IF NOT ok OR locked < cardinality(names) THEN
        RETURN;
    END IF;

    -- A statement of its own, so that its snapshot sees what the writers it waited for committed.
    IF written AND EXISTS (SELECT 1 FROM unnest(names, bases) AS u(n, v)
            CROSS JOIN LATERAL (SELECT 1 FROM events e
                WHERE e.stream = u.n AND e.version = u.v AND e.position > positions[1] LIMIT 1) AS x
            WHERE u.v >= 0) THEN
        RAISE EXCEPTION 'a later writer of one of the streams committed first; append again with new positions'
            USING ERRCODE = 'AN001';
    END IF;

    INSERT INTO events AS e (position, stream, version, id, type, data, metadata, recorded_at)
        SELECT positions[u.o], u.s, b.base + u.r, u.i, u.t, u.d, u.m, recorded
        FROM unnest(ev_streams, ev_ranks, ev_ids, ev_types, ev_data, ev_meta) WITH ORDINALITY AS u(s, r, i, t, d, m, o)
        JOIN unnest(names, bases) AS b(n, base) ON b.n = u.s;
    UPDATE streams AS t SET state = 'LIVE', last_version = u.b + u.z, last_write = recorded
        FROM unnest(names, bases, sizes) AS u(n, b, z) WHERE t.name = u.n;
    RETURN QUERY SELECT positions[u.o], b.base + u.r
        FROM unnest(ev_streams, ev_ranks) WITH ORDINALITY AS u(s, r, o)
        JOIN unnest(names, bases) AS b(n, base) ON b.n = u.s
        ORDER BY u.o;
END
$$;
