-- A stream's last version and last write are those of its last event, read from the events'
-- (stream, version) index, instead of columns of its row that every append rewrote: a WAL record
-- and a dead row version per stream per batch, for a value the index already holds. Events are
-- never removed (deletes and retention only hide them), so a stream that was written has its last
-- event. A stream's row is now written only when its state changes: created, first written, soft
-- deleted, tombstoned, or given metadata.
ALTER TABLE streams DROP COLUMN last_version, DROP COLUMN last_write;

-- begin_append as in V6, with each stream's last version from its last event.
CREATE OR REPLACE FUNCTION begin_append(n integer, names text[], sort_keys bytea[], key_streams text[], key_ids uuid[])
RETURNS TABLE (kind "char", name text, state text, last_version bigint, id uuid, pos bigint)
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
#variable_conflict use_column
BEGIN
    PERFORM lock_streams(names);
    RETURN QUERY SELECT 'p'::"char", NULL::text, NULL::text, NULL::bigint, NULL::uuid, a.a
        FROM allocate_positions(n) AS a(a);
    INSERT INTO streams AS s (name, sort_key)
        SELECT u.n, u.k FROM unnest(names, sort_keys) AS u(n, k) ORDER BY u.n COLLATE "C"
        ON CONFLICT (name) DO NOTHING;
    RETURN QUERY SELECT 's'::"char", s.name, s.state, l.version, NULL::uuid, NULL::bigint
        FROM streams s
        LEFT JOIN LATERAL (SELECT e.version FROM events e WHERE e.stream = s.name
            ORDER BY e.version DESC LIMIT 1) AS l ON true
        WHERE s.name = ANY (names);
    -- One index probe per key: as a plain join, the planner takes a hot stream's statistics for
    -- a reason to scan the whole table, which grows with every event ever written.
    RETURN QUERY SELECT 'e'::"char", e.stream, NULL::text, e.version, e.id, e.position
        FROM unnest(key_streams, key_ids) AS k(s, i)
        CROSS JOIN LATERAL (SELECT x.stream, x.version, x.id, x.position FROM events x
            WHERE x.stream = k.s AND x.id = k.i LIMIT 1) AS e;
END
$$;

-- append_batch as in V6, writing no stream row for a stream already written, and taking the stream
-- locks itself (lock_streams as a call of its own cost as much as the locks).
CREATE OR REPLACE FUNCTION append_batch(
    names text[], sort_keys bytea[], expected bigint[], sizes integer[],
    ev_streams text[], ev_ranks integer[], ev_ids uuid[], ev_types text[], ev_data bytea[], ev_meta bytea[],
    recorded timestamptz)
RETURNS TABLE (pos bigint, version bigint)
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
#variable_conflict use_column
DECLARE
    lock_class constant integer := hashtext('annal.stream:' || current_schema());
    positions bigint[];
    ok boolean;
    -- Streams with no row yet, or a row with metadata only: their row says LIVE from now on.
    fresh text[];
    -- Each stream's last version before the batch, -1 for none; in the order of names.
    bases bigint[];
BEGIN
    -- As lock_streams does: a subquery with DISTINCT and ORDER BY is not flattened.
    PERFORM pg_advisory_xact_lock(lock_class, k.k)
        FROM (SELECT DISTINCT hashtext(u.n) AS k FROM unnest(names) AS u(n) ORDER BY 1) AS k;
    SELECT bool_and(CASE WHEN s.state = 'LIVE' THEN u.x IN (-2, -3) OR u.x = l.v
                         WHEN s.state IS NULL THEN l.v IS NULL AND u.x IN (-1, -2)
                         ELSE false END),
           array_agg(u.n) FILTER (WHERE s.state IS NULL),
           array_agg(coalesce(l.v, -1) ORDER BY u.o)
        INTO ok, fresh, bases
        FROM unnest(names, expected) WITH ORDINALITY AS u(n, x, o)
        LEFT JOIN streams s ON s.name = u.n
        LEFT JOIN LATERAL (SELECT e.version AS v FROM events e WHERE e.stream = u.n
            ORDER BY e.version DESC LIMIT 1) AS l ON true;
    IF NOT ok THEN
        RETURN;
    END IF;

    positions := ARRAY(SELECT a.a FROM allocate_positions(cardinality(ev_ids)) AS a(a));
    IF fresh IS NOT NULL THEN
        INSERT INTO streams AS s (name, sort_key, state)
            SELECT u.n, u.k, 'LIVE' FROM unnest(names, sort_keys) AS u(n, k)
            WHERE u.n = ANY (fresh) ORDER BY u.n COLLATE "C"
            ON CONFLICT (name) DO UPDATE SET state = 'LIVE';
    END IF;
    INSERT INTO events AS e (position, stream, version, id, type, data, metadata, recorded_at)
        SELECT positions[u.o], u.s, b.base + u.r, u.i, u.t, u.d, u.m, recorded
        FROM unnest(ev_streams, ev_ranks, ev_ids, ev_types, ev_data, ev_meta) WITH ORDINALITY AS u(s, r, i, t, d, m, o)
        JOIN unnest(names, bases) AS b(n, base) ON b.n = u.s;
    RETURN QUERY SELECT positions[u.o], b.base + u.r
        FROM unnest(ev_streams, ev_ranks) WITH ORDINALITY AS u(s, r, o)
        JOIN unnest(names, bases) AS b(n, base) ON b.n = u.s
        ORDER BY u.o;
END
$$;
