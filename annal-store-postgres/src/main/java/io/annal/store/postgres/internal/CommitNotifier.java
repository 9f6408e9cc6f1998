package io.annal.store.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells other processes that appends committed: one {@code pg_notify} on the schema's channel,
 * sent after the commits, never inside an append transaction. PostgreSQL holds a cluster-wide lock
 * from the pre-commit of a notifying transaction until its commit record is flushed, so appends
 * that notified could not share WAL flushes. A committer only raises a flag; one thread sends at
 * most one notification at a time, on a connection of its own, and every commit made meanwhile is
 * covered by the next one. Notifications start at least {@link #INTERVAL_NANOS} apart: each wakes
 * a backend and a thread in every listening process, this one's own listener included, and at
 * several hundred commits a second that costs more than the commits' own work; a subscriber in
 * another process hears of a commit at most that much later. Its transactions commit with {@code
 * synchronous_commit} off: they wait for no flush, and a lost notification only delays
 * subscribers, which also poll. A failed notification is logged, and the next one reconnects.
 */
final class CommitNotifier implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CommitNotifier.class.getName());
    private static final long INTERVAL_NANOS = 5_000_000;

    private final Database db;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;
    private long lastSent = System.nanoTime() - INTERVAL_NANOS;
    private Connection connection;
    private PreparedStatement notify;

    CommitNotifier(Database db) {
        this.db = db;
        // A platform thread, as AppendListener's: it sends after nearly every commit.
        this.thread = Thread.ofPlatform()
                .daemon(true)
                .name("annal-pg-notifier-" + db.schema().value())
                .start(this::run);
    }

    /** Called after a commit: a notification that starts after this call will be sent. */
    void committed() {
        if (requested.compareAndSet(false, true)) {
            wake.release();
        }
    }

    private void run() {
        while (true) {
            wake.acquireUninterruptibly();
            if (closed) {
                if (requested.getAndSet(false)) {
                    send();
                }
                disconnect();
                return;
            }
            long wait;
            while ((wait = lastSent + INTERVAL_NANOS - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            // Cleared before sending, so that a commit from now on asks for the next notification.
            requested.set(false);
            lastSent = System.nanoTime();
            send();
        }
    }

    private void send() {
        try {
            if (notify == null) {
                connection = db.directConnection();
                try (Statement st = connection.createStatement()) {
                    st.execute("SET synchronous_commit = off");
                }
                notify = connection.prepareStatement("SELECT pg_notify(?, '')");
                notify.setString(1, db.schema().channel());
            }
            notify.execute();
        } catch (SQLException | RuntimeException e) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "notifying other processes of appends failed ({0}); they find the events by polling",
                    e.getMessage());
            disconnect();
        }
    }

    private void disconnect() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // Broken already; the server ends the session.
        }
        connection = null;
        notify = null;
    }

    /** Stops the thread after the notification in flight, if any. */
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
