-- Everything an append transaction reads before it plans, in one round trip instead of four:
-- n positions through allocate_positions (first, so that the transaction's xid comes before its
-- positions, docs/adr/0006), then the rows of the named streams locked for the rest of the
-- transaction, then the ids of the batch already stored in those streams.
--
-- Rows come back tagged by kind: 'p' a position (in pos), 's' a locked stream row (name, state,
-- last_version), 'e' a stored event (name = its stream, id, last_version = its version, pos).
--
-- Locking follows StreamLocks: existing rows first, then missing ones created, each in name
-- order, so writers of overlapping streams never wait on each other in a cycle. names must be
-- distinct; sort_keys go with them.
CREATE FUNCTION begin_append(n integer, names text[], sort_keys bytea[], key_streams text[], key_ids uuid[])
RETURNS TABLE (kind "char", name text, state text, last_version bigint, id uuid, pos bigint)
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
#variable_conflict use_column
DECLARE
    locked text[] := '{}';
    r record;
BEGIN
    RETURN QUERY SELECT 'p'::"char", NULL::text, NULL::text, NULL::bigint, NULL::uuid, a.a
        FROM allocate_positions(n) AS a(a);

    FOR r IN SELECT s.name, s.state, s.last_version FROM streams s
            WHERE s.name = ANY (names) ORDER BY s.name FOR UPDATE LOOP
        locked := locked || r.name;
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
        RETURN QUERY SELECT 's'::"char", s.name, s.state, s.last_version, NULL::uuid, NULL::bigint
            FROM streams s WHERE s.name = ANY (names) AND s.name <> ALL (locked)
            ORDER BY s.name FOR UPDATE;
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
