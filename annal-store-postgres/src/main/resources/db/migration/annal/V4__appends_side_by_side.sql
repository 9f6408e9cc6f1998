-- Append transactions side by side, and no NOTIFY inside them (GroupCommitWriter, docs/adr/0006).
--
-- begin_append as in V2, then a check that along each stream positions rise with versions.
-- Positions are taken before the stream rows are locked, so T could take position 10 and U 11,
-- U lock the stream first and write version 5 at 11, and T then write version 6 at 10: $all would
-- show the stream out of order. So once it holds the locks, a writer whose first position lies
-- below the position of a locked stream's last event fails with SQLSTATE AN001 and writes
-- nothing; GroupCommitWriter runs it again in a new transaction, whose new positions are above
-- that event's. Holding the position lock until the rows are locked would also keep the order,
-- but a writer waiting for a busy stream would then hold up the writers of every other stream.

CREATE OR REPLACE FUNCTION begin_append(n integer, names text[], sort_keys bytea[], key_streams text[], key_ids uuid[])
RETURNS TABLE (kind "char", name text, state text, last_version bigint, id uuid, pos bigint)
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
#variable_conflict use_column
DECLARE
    positions bigint[] := ARRAY(SELECT a.a FROM allocate_positions(n) AS a(a));
    -- allocate_positions hands them out in rising order.
    first_position constant bigint := positions[1];
    locked text[] := '{}';
    r record;
BEGIN
    RETURN QUERY SELECT 'p'::"char", NULL::text, NULL::text, NULL::bigint, NULL::uuid, u.p
        FROM unnest(positions) AS u(p);

    FOR r IN SELECT s.name, s.state, s.last_version FROM streams s
            WHERE s.name = ANY (names) ORDER BY s.name FOR UPDATE LOOP
        locked := locked || r.name;
        -- The row is locked, so every earlier writer of the stream has finished: one index probe.
        IF r.last_version IS NOT NULL AND EXISTS (SELECT 1 FROM events e
                WHERE e.stream = r.name AND e.version = r.last_version AND e.position > first_position) THEN
            RAISE EXCEPTION 'a later writer of stream % committed first; append again with new positions', r.name
                USING ERRCODE = 'AN001';
        END IF;
        RETURN QUERY SELECT 's'::"char", r.name, r.state, r.last_version, NULL::uuid, NULL::bigint;
    END LOOP;

    IF cardinality(locked) < cardinality(names) THEN
        FOR r IN INSERT INTO streams AS s (name, sort_key)
                SELECT u.n, u.k FROM unnest(names, sort_keys) AS u(n, k)
                WHERE u.n <> ALL (locked) ORDER BY u.n COLLATE "C"
                ON CONFLICT (name) DO NOTHING RETURNING s.name, s.state, s.last_version LOOP
            locked := locked || r.name;
            RETURN QUERY SELECT 's'::"char", r.name, r.state, r.last_version, NULL::uuid, NULL::bigint;
        END LOOP;
        -- Created by another writer while this one was inserting: lock them as they now are.
        FOR r IN SELECT s.name, s.state, s.last_version FROM streams s
                WHERE s.name = ANY (names) AND s.name <> ALL (locked) ORDER BY s.name FOR UPDATE LOOP
            -- The row is locked, so every earlier writer of the stream has finished: one index probe.
            IF r.last_version IS NOT NULL AND EXISTS (SELECT 1 FROM events e
                    WHERE e.stream = r.name AND e.version = r.last_version AND e.position > first_position) THEN
                RAISE EXCEPTION 'a later writer of stream % committed first; append again with new positions', r.name
                    USING ERRCODE = 'AN001';
            END IF;
            RETURN QUERY SELECT 's'::"char", r.name, r.state, r.last_version, NULL::uuid, NULL::bigint;
        END LOOP;
    END IF;

    -- Read after the locks, so that it sees every event committed to these streams before them.
    -- One index probe per key: as a plain join, the planner takes a hot stream's statistics for
    -- a reason to scan the whole table, which grows with every event ever written.
    RETURN QUERY SELECT 'e'::"char", e.stream, NULL::text, e.version, e.id, e.position
        FROM unnest(key_streams, key_ids) AS k(s, i)
        CROSS JOIN LATERAL (SELECT x.stream, x.version, x.id, x.position FROM events x
            WHERE x.stream = k.s AND x.id = k.i LIMIT 1) AS e;
END
$$;

-- append_fast as in V3 without the pg_notify, and with its arrays filled element by element
-- instead of through || copies and a subquery per part. A transaction that notifies holds a
-- cluster-wide lock from pre-commit until its commit record is flushed, so notifying appends
-- could not share a WAL flush; CommitNotifier sends one coalesced notification after the commits.
-- channel stays in the signature, unused, so that CREATE OR REPLACE keeps the same function.
CREATE OR REPLACE FUNCTION append_fast(
    names text[], sort_keys bytea[],
    part_streams text[], part_expected bigint[], part_sizes integer[],
    ev_ids uuid[], ev_types text[], ev_data bytea[], ev_meta bytea[],
    recorded timestamptz, channel text)
RETURNS TABLE (pos bigint, version bigint)
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
#variable_conflict use_column
DECLARE
    n constant integer := cardinality(ev_ids);
    ev_streams text[] := array_fill(NULL::text, ARRAY[n]);
    positions bigint[] := array_fill(NULL::bigint, ARRAY[n]);
    versions bigint[] := array_fill(NULL::bigint, ARRAY[n]);
    states text[] := array_fill(NULL::text, ARRAY[cardinality(names)]);
    lasts bigint[] := array_fill(NULL::bigint, ARRAY[cardinality(names)]);
    r record;
    s integer;
    k integer := 0;
    last bigint;
    expected bigint;
BEGIN
    FOR i IN 1..cardinality(part_streams) LOOP
        FOR j IN 1..part_sizes[i] LOOP
            k := k + 1;
            ev_streams[k] := part_streams[i];
        END LOOP;
    END LOOP;
    k := 0;
    -- allocate_positions hands out its positions in rising order, and begin_append keeps it.
    FOR r IN SELECT * FROM begin_append(n, names, sort_keys, ev_streams, ev_ids) LOOP
        IF r.kind = 'p' THEN
            k := k + 1;
            positions[k] := r.pos;
        ELSIF r.kind = 's' THEN
            s := array_position(names, r.name);
            states[s] := r.state;
            lasts[s] := r.last_version;
        ELSE
            RETURN;
        END IF;
    END LOOP;

    k := 0;
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
        last := coalesce(lasts[s], -1);
        FOR j IN 1..part_sizes[i] LOOP
            k := k + 1;
            versions[k] := last + j;
        END LOOP;
        lasts[s] := last + part_sizes[i];
        states[s] := 'LIVE';
    END LOOP;

    INSERT INTO events AS e (position, stream, version, id, type, data, metadata, recorded_at)
        SELECT u.p, u.s, u.v, u.i, u.t, u.d, u.m, recorded
        FROM unnest(positions, ev_streams, versions, ev_ids, ev_types, ev_data, ev_meta)
            AS u(p, s, v, i, t, d, m);
    UPDATE streams AS t SET state = 'LIVE', last_version = u.v, last_write = recorded
        FROM unnest(names, lasts) AS u(n, v) WHERE t.name = u.n;
    RETURN QUERY SELECT u.p, u.v FROM unnest(positions, versions) AS u(p, v);
END
$$;
