package io.annal.store.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells other processes that appends committed: one {@code pg_notify} on the schema's channel,
 * sent after the commits, never inside an append transaction. PostgreSQL holds a cluster-wide lock
 * from the pre-commit of a notifying transaction until its commit record is flushed, so appends
 * that notified could not share WAL flushes. Requests coalesce: at most one notification is in
 * flight, and commits during it ask for exactly one more. A failed notification is only logged:
 * subscriptions also poll, so it delays them and loses nothing.
 */
final class CommitNotifier implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CommitNotifier.class.getName());

    private final Database db;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;

    CommitNotifier(Database db) {
        this.db = db;
        this.thread = Thread.ofVirtual()
                .name("annal-pg-notifier-" + db.schema().value())
                .start(this::run);
    }

    /** Called after a commit: a notification will be sent that starts after this call. */
    void committed() {
        if (requested.compareAndSet(false, true)) {
            wake.release();
        }
    }

    private void run() {
        while (true) {
            wake.acquireUninterruptibly();
            if (closed) {
                return;
            }
            // Cleared before sending, so that a commit from now on asks for the next notification.
            requested.set(false);
            send();
        }
    }

    private void send() {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, '')")) {
            ps.setString(1, db.schema().channel());
            ps.execute();
        } catch (SQLException | RuntimeException e) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "notifying other processes of appends failed ({0}); they find the events by polling",
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        wake.release();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
