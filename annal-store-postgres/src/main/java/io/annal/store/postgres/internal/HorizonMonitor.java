package io.annal.store.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the transaction horizon that {@code $all} subscriptions wait for, and reports when
 * committed events have waited behind it for longer than the threshold: as a status the store
 * exposes, and as a warning in the log naming the transaction that holds it back.
 *
 * <p>Events above the last position known to be below the horizon are the only ones that can be
 * waiting, so each check reads just that tail of the events table.
 */
public final class HorizonMonitor implements AutoCloseable {

    /** A snapshot of the monitor's findings. */
    public record Snapshot(
            long eventsWaiting, Duration waitingFor, boolean stalled, long stallsReported, Optional<String> blocker) {}

    private static final System.Logger LOG = System.getLogger(HorizonMonitor.class.getName());

    private static final String CHECK = "WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)"
            + " SELECT (SELECT count(*) FROM events e, h WHERE e.position > ? AND e.tx >= h.xmin),"
            + " (SELECT min(e.position) FROM events e, h WHERE e.position > ? AND e.tx >= h.xmin),"
            + " (SELECT max(e.position) FROM events e, h WHERE e.position > ? AND e.tx < h.xmin)";
    private static final String OLDEST_TRANSACTION = "SELECT pid, state, now() - xact_start, left(query, 120)"
            + " FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()"
            + " ORDER BY age(backend_xid) DESC LIMIT 1";

    private final Database db;
    private final Duration threshold;
    private final ScheduledExecutorService timer;
    private long lastSafePosition;
    private long trackedPosition = -1;
    private long trackedSinceNanos;
    private boolean reported;
    private volatile Snapshot snapshot = new Snapshot(0, Duration.ZERO, false, 0, Optional.empty());
    private long stallsReported;

    public HorizonMonitor(Database db, long startAfterPosition, Duration threshold, Duration interval) {
        this.db = db;
        this.threshold = threshold;
        this.lastSafePosition = startAfterPosition;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("annal-pg-horizon-" + db.schema().value())
                .daemon(true)
                .factory());
        timer.scheduleWithFixedDelay(this::checkQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    private void checkQuietly() {
        try {
            check();
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "horizon check failed; will retry", e);
        }
    }

    private void check() throws SQLException {
        try (Connection c = db.connection()) {
            long waiting;
            long lowestWaiting;
            try (PreparedStatement ps = c.prepareStatement(CHECK)) {
                ps.setLong(1, lastSafePosition);
                ps.setLong(2, lastSafePosition);
                ps.setLong(3, lastSafePosition);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    waiting = rs.getLong(1);
                    lowestWaiting = rs.getLong(2);
                    long safe = rs.getLong(3);
                    if (!rs.wasNull() && (waiting == 0 || safe < lowestWaiting)) {
                        lastSafePosition = safe;
                    }
                }
            }
            update(c, waiting, lowestWaiting);
        }
    }

    private void update(Connection c, long waiting, long lowestWaiting) throws SQLException {
        long now = System.nanoTime();
        if (waiting == 0) {
            if (reported) {
                LOG.log(System.Logger.Level.INFO, "$all subscriptions on schema {0} are moving again", schemaName());
            }
            trackedPosition = -1;
            reported = false;
            snapshot = new Snapshot(0, Duration.ZERO, false, stallsReported, Optional.empty());
            return;
        }
        if (lowestWaiting != trackedPosition) {
            trackedPosition = lowestWaiting;
            trackedSinceNanos = now;
            reported = false;
        }
        Duration waitingFor = Duration.ofNanos(now - trackedSinceNanos);
        boolean stalled = waitingFor.compareTo(threshold) >= 0;
        Optional<String> blocker = stalled ? oldestTransaction(c) : Optional.empty();
        if (stalled && !reported) {
            reported = true;
            stallsReported++;
            LOG.log(
                    System.Logger.Level.WARNING,
                    "$all subscriptions on schema {0} are held back: {1} committed events have waited {2} s behind"
                            + " an open transaction ({3}); subscribers receive them once it commits or rolls back,"
                            + " so end that transaction",
                    schemaName(),
                    waiting,
                    waitingFor.toSeconds(),
                    blocker.orElse("not visible to this database user"));
        }
        snapshot = new Snapshot(waiting, waitingFor, stalled, stallsReported, blocker);
    }

    private Optional<String> oldestTransaction(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OLDEST_TRANSACTION);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of("pid " + rs.getInt(1) + ", " + rs.getString(2) + " for " + rs.getString(3)
                    + ", last statement: " + rs.getString(4));
        }
    }

    private String schemaName() {
        return db.schema().value();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
