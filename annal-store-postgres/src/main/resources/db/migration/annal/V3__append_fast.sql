-- The common append in one round trip, committed by the same request in auto-commit: begin_append
-- (positions first, then stream locks, then stored ids, as docs/adr/0006 and StreamLocks require),
-- then the checks and writes of AppendTransaction for parts that append new events to a live or
-- never-written stream whose expected version holds.
--
-- part_expected: the exact version, or -1 no stream, -2 any, -3 exists. Events are given in part
-- order; part_sizes says how many belong to each part. Returns one row per event, in that order,
-- with its position and version. Returns no rows and writes no event when any part needs more
-- than these checks (a version mismatch, a deleted or tombstoned stream, an id already stored):
-- the caller then plans the batch in full, in a transaction of its own.
CREATE FUNCTION append_fast(
    names text[], sort_keys bytea[],
    part_streams text[], part_expected bigint[], part_sizes integer[],
    ev_ids uuid[], ev_types text[], ev_data bytea[], ev_meta bytea[],
    recorded timestamptz, channel text)
RETURNS TABLE (pos bigint, version bigint)
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
#variable_conflict use_column
DECLARE
    ev_streams text[] := '{}';
    positions bigint[] := '{}';
    versions bigint[] := '{}';
    states text[] := array_fill(NULL::text, ARRAY[cardinality(names)]);
    lasts bigint[] := array_fill(NULL::bigint, ARRAY[cardinality(names)]);
    stored boolean := false;
    r record;
    s integer;
    expected bigint;
BEGIN
    FOR i IN 1..cardinality(part_streams) LOOP
        ev_streams := ev_streams || array_fill(part_streams[i], ARRAY[part_sizes[i]]);
    END LOOP;
    FOR r IN SELECT * FROM begin_append(cardinality(ev_ids), names, sort_keys, ev_streams, ev_ids) LOOP
        IF r.kind = 'p' THEN
            positions := positions || r.pos;
        ELSIF r.kind = 's' THEN
            s := array_position(names, r.name);
            states[s] := r.state;
            lasts[s] := r.last_version;
        ELSE
            stored := true;
        END IF;
    END LOOP;
    IF stored THEN
        RETURN;
    END IF;
    positions := ARRAY(SELECT p FROM unnest(positions) AS u(p) ORDER BY p);

    FOR i IN 1..cardinality(part_streams) LOOP
        s := array_position(names, part_streams[i]);
        expected := part_expected[i];
        IF states[s] = 'LIVE' THEN
            IF NOT (expected IN (-2, -3) OR expected = lasts[s]) THEN
                RETURN;
            END IF;
        ELSIF states[s] IS NULL AND lasts[s] IS NULL THEN
            IF expected NOT IN (-1, -2) THEN
                RETURN;
            END IF;
        ELSE
            RETURN;
        END IF;
        versions := versions || ARRAY(
            SELECT coalesce(lasts[s], -1) + g FROM generate_series(1, part_sizes[i]) AS g);
        lasts[s] := coalesce(lasts[s], -1) + part_sizes[i];
        states[s] := 'LIVE';
    END LOOP;

    INSERT INTO events AS e (position, stream, version, id, type, data, metadata, recorded_at)
        SELECT u.p, u.s, u.v, u.i, u.t, u.d, u.m, recorded
        FROM unnest(positions, ev_streams, versions, ev_ids, ev_types, ev_data, ev_meta)
            AS u(p, s, v, i, t, d, m);
    UPDATE streams AS t SET state = 'LIVE', last_version = u.v, last_write = recorded
        FROM unnest(names, lasts) AS u(n, v) WHERE t.name = u.n;
    PERFORM pg_notify(channel, '');
    RETURN QUERY SELECT u.p, u.v FROM unnest(positions, versions) AS u(p, v);
END
$$;
