-- Writers of a stream queue on a transaction-scoped advisory lock named after the stream, taken
-- before anything else the transaction does (docs/adr/0006). An advisory lock gives the transaction
-- no xid, so it can come before allocate_positions: a writer takes its positions only once every
-- earlier writer of its streams has committed or rolled back, and along a stream positions rise
-- with versions without V4's overtaking check (SQLSTATE AN001) and its re-runs. Nor does the lock
-- write anything: append_batch no longer locks the stream rows (a WAL record per stream) before it
-- updates them.

-- Takes the locks of the named streams in the order of their keys, so that two writers of
-- overlapping streams never wait on each other in a cycle. Names that share a key share a lock,
-- which only makes their writers queue. Held until the transaction ends.
CREATE FUNCTION lock_streams(names text[]) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    lock_class constant integer := hashtext('annal.stream:' || current_schema());
BEGIN
    -- A subquery with DISTINCT and ORDER BY is not flattened: the locks are taken in its order.
    PERFORM pg_advisory_xact_lock(lock_class, k.k)
        FROM (SELECT DISTINCT hashtext(u.n) AS k FROM unnest(names) AS u(n) ORDER BY 1) AS k;
END
$$;

-- The planned append's first request: the stream locks, then positions (the transaction's xid with
-- them), then rows for names not seen before, the rows of the named streams and the ids of the
-- batch already stored in them. Rows come back tagged by kind as in V2. Every statement after the
-- locks sees what the writers it waited for committed, so the rows need no lock of their own.
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
    RETURN QUERY SELECT 's'::"char", s.name, s.state, s.last_version, NULL::uuid, NULL::bigint
        FROM streams s WHERE s.name = ANY (names);
    -- One index probe per key: as a plain join, the planner takes a hot stream's statistics for
    -- a reason to scan the whole table, which grows with every event ever written.
    RETURN QUERY SELECT 'e'::"char", e.stream, NULL::text, e.version, e.id, e.position
        FROM unnest(key_streams, key_ids) AS k(s, i)
        CROSS JOIN LATERAL (SELECT x.stream, x.version, x.id, x.position FROM events x
            WHERE x.stream = k.s AND x.id = k.i LIMIT 1) AS e;
END
$$;

-- append_batch as in V5, in the new order: the stream locks, then one statement that reads and
-- checks the stream rows, and positions only for a batch that passes. A new stream's row is
-- created only then, so a batch declined writes nothing at all.
CREATE OR REPLACE FUNCTION append_batch(
    names text[], sort_keys bytea[], expected bigint[], sizes integer[],
    ev_streams text[], ev_ranks integer[], ev_ids uuid[], ev_types text[], ev_data bytea[], ev_meta bytea[],
    recorded timestamptz)
RETURNS TABLE (pos bigint, version bigint)
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
#variable_conflict use_column
DECLARE
    positions bigint[];
    ok boolean;
    missing boolean;
    -- Each stream's last version before the batch, -1 for none; in the order of names.
    bases bigint[];
BEGIN
    PERFORM lock_streams(names);
    SELECT bool_and(CASE WHEN s.state = 'LIVE' THEN u.x IN (-2, -3) OR u.x = s.last_version
                         WHEN s.state IS NULL AND s.last_version IS NULL THEN u.x IN (-1, -2)
                         ELSE false END),
           bool_or(s.name IS NULL),
           array_agg(coalesce(s.last_version, -1) ORDER BY u.o)
        INTO ok, missing, bases
        FROM unnest(names, expected) WITH ORDINALITY AS u(n, x, o)
        LEFT JOIN streams s ON s.name = u.n;
    IF NOT ok THEN
        RETURN;
    END IF;

    positions := ARRAY(SELECT a.a FROM allocate_positions(cardinality(ev_ids)) AS a(a));
    IF missing THEN
        INSERT INTO streams AS s (name, sort_key)
            SELECT u.n, u.k FROM unnest(names, sort_keys) AS u(n, k) ORDER BY u.n COLLATE "C"
            ON CONFLICT (name) DO NOTHING;
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
