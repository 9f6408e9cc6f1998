package io.annal.store.postgres.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes subscriptions when another process appends: LISTENs on the schema's channel, on which
 * every store's {@link CommitNotifier} sends a notification after its commits. On a lost connection it reconnects
 * with back-off and wakes everyone once, in case a notification was missed; subscriptions also
 * poll, so a missed wake-up only delays.
 */
public final class AppendListener implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AppendListener.class.getName());
    private static final int WAIT_MILLIS = 500;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Database db;
    private final Runnable onAppended;
    private final CountDownLatch closed = new CountDownLatch(1);

    public AppendListener(Database db, Runnable onAppended) {
        this.db = db;
        this.onAppended = onAppended;
        // A platform thread: on a virtual one every wait on the socket goes through the poller and
        // a carrier thread, several wake-ups per notification where a blocking read has one.
        Thread.ofPlatform()
                .daemon(true)
                .name("annal-pg-listener-" + db.schema().value())
                .start(this::run);
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (closed.getCount() > 0) {
            try (Connection c = db.directConnection()) {
                listen(c);
                backoff = Duration.ofMillis(100);
                onAppended.run();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (closed.getCount() > 0) {
                    PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        onAppended.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed.getCount() == 0) {
                    return;
                }
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "listening for appends failed ({0}); reconnecting in {1} ms",
                        e.getMessage(),
                        backoff.toMillis());
                if (awaitClose(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            // LISTEN takes an identifier, not a parameter; the channel is built from a validated schema name.
            st.execute("LISTEN \"" + db.schema().channel() + "\"");
        }
    }

    private boolean awaitClose(Duration timeout) {
        try {
            return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        // The thread notices within one wait and closes its connection; nothing to wait for here.
        closed.countDown();
    }
}
