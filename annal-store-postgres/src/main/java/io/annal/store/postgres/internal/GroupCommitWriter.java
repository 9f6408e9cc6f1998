package io.annal.store.postgres.internal;

import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.EventStoreException;
import io.annal.store.RecordedEvent;
import io.annal.store.StorageException;
import io.annal.store.StreamAppend;
import io.annal.store.postgres.InTransaction;
import io.annal.store.postgres.internal.AppendTransaction.Outcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Group commit: many callers' appends, one transaction.
 *
 * <p>Problem: PostgreSQL commits cost a WAL flush each, so one transaction per append caps a store
 * at roughly a thousand appends a second, however many callers there are.
 *
 * <p>Approach: callers put their append on a queue. A thread holding a commit slot takes
 * everything queued (up to a size budget), runs it as one {@link AppendTransaction} and commits
 * once: the caller itself when a slot is free, which saves two thread wake-ups per append on a busy
 * machine, and otherwise the writer thread, woken when a caller leaves appends queued behind it. Up
 * to {@code committers} transactions run side by side, each on its own connection, so that
 * PostgreSQL flushes their commits together as it does for plain single-row writers. Their
 * positions may then commit out of order, which {@code $all} subscriptions tolerate by reading
 * below the xid horizon (ADR 0006); appends to one stream still serialise on its lock, which every
 * writer takes before its positions, so that along a stream positions rise with versions. No append
 * transaction notifies other processes: a {@link CommitNotifier} does, after the commits. A batch
 * of plain appends goes in one round trip ({@link FastAppend}); otherwise, and when it declines,
 * each append is checked against the stream rows as the earlier appends of the same batch left
 * them, so the batch behaves exactly like the appends one after another; an append that fails its
 * checks fails alone. If the database rejects the batch for a reason that is not a lost
 * connection, the writer retries its appends one per transaction, so one bad append cannot fail its
 * neighbours. A lost connection fails the batch's callers with a {@link StorageException}; the
 * next batch takes a fresh connection from the pool, which reconnects by itself.
 *
 * <p>Thread safety: {@link #append} may be called from any thread; only holders of a commit slot
 * touch the database.
 */
public final class GroupCommitWriter implements AutoCloseable {

    private static final int MAX_BATCH_EVENTS = 4096;
    private static final long MAX_BATCH_BYTES = 16L << 20;
    /** SQL's class for a failure in code outside the database, which no reconnecting cures. */
    private static final String EXTERNAL_ROUTINE_FAILED = "38000";

    private static final System.Logger LOG = System.getLogger(GroupCommitWriter.class.getName());

    private final Database db;
    private final AppendTransaction transaction;
    private final FastAppend fast;
    private final InstantSource clock;
    private final Runnable afterCommit;
    private final Optional<InTransaction> inTransaction;
    private final Queue<PendingAppend> queue = new ConcurrentLinkedQueue<>();
    private final CommitNotifier notifier;
    private final Semaphore committing;
    /** Released when appends are left queued with nobody committing them. */
    private final Semaphore wake = new Semaphore(0);

    private final Thread thread;
    private volatile boolean closing;

    /**
     * A writer that runs at most {@code committers} append transactions at once; one when {@code
     * inTransaction} is present, so that work inside the transactions sees them in position order.
     */
    public GroupCommitWriter(
            Database db,
            InstantSource clock,
            int committers,
            Runnable afterCommit,
            Optional<InTransaction> inTransaction) {
        if (committers < 1) {
            throw new IllegalArgumentException("committers must be 1 or more (got " + committers + ")");
        }
        this.db = db;
        this.committing = new Semaphore(inTransaction.isPresent() ? 1 : committers);
        this.notifier = new CommitNotifier(db);
        this.transaction = new AppendTransaction();
        this.fast = new FastAppend();
        this.clock = clock;
        this.afterCommit = afterCommit;
        this.inTransaction = inTransaction;
        this.thread = Thread.ofPlatform()
                .name("annal-pg-writer-" + db.schema().value())
                .daemon(true)
                .unstarted(this::run);
        thread.start();
    }

    /** Queues the append and waits until it is committed or has failed. */
    public List<AppendResult> append(List<StreamAppend> parts) {
        if (closing) {
            throw new StorageException("the event store is closed; open it again to append");
        }
        PendingAppend pending = new PendingAppend(parts);
        queue.add(pending);
        if (closing && queue.remove(pending)) {
            throw new StorageException("the event store is closed; open it again to append");
        }
        if (committing.tryAcquire()) {
            try {
                PendingAppend first;
                while (!pending.result().isDone() && (first = queue.poll()) != null) {
                    process(takeBatch(first));
                }
            } finally {
                handOver();
            }
        }
        try {
            return pending.result().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EventStoreException failure) {
                throw failure;
            }
            throw new StorageException("append failed unexpectedly: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(
                    "interrupted while waiting for the append to commit; it may still commit: retry with the"
                            + " same event ids to find out",
                    e);
        }
    }

    /** Appends waiting for the writer, for monitoring. */
    public int queued() {
        return queue.size();
    }

    private void run() {
        while (true) {
            wake.acquireUninterruptibly();
            wake.drainPermits();
            committing.acquireUninterruptibly();
            try {
                PendingAppend first;
                while ((first = queue.poll()) != null) {
                    process(takeBatch(first));
                }
            } finally {
                handOver();
            }
            if (closing && queue.isEmpty()) {
                return;
            }
        }
    }

    /**
     * Frees the slot, then wakes the writer if appends are queued: a caller that queued before the
     * release may have found no slot, so it waits for somebody else to commit its append.
     */
    private void handOver() {
        committing.release();
        if (!queue.isEmpty()) {
            wake.release();
        }
    }

    private List<PendingAppend> takeBatch(PendingAppend first) {
        List<PendingAppend> batch = new ArrayList<>();
        batch.add(first);
        int events = first.eventCount();
        long bytes = bytes(first);
        PendingAppend next;
        while ((next = queue.peek()) != null
                && events + next.eventCount() <= MAX_BATCH_EVENTS
                && bytes + bytes(next) <= MAX_BATCH_BYTES) {
            PendingAppend taken = queue.poll();
            if (taken == null) {
                break; // removed by a caller that saw the store closing
            }
            batch.add(taken);
            events += taken.eventCount();
            bytes += bytes(taken);
        }
        return batch;
    }

    private void process(List<PendingAppend> batch) {
        try {
            List<Outcome> outcomes = commit(batch);
            for (int i = 0; i < batch.size(); i++) {
                Outcome outcome = outcomes.get(i);
                if (outcome.failure() != null) {
                    batch.get(i).result().completeExceptionally(outcome.failure());
                } else {
                    batch.get(i).result().complete(outcome.results());
                }
            }
            afterCommit.run();
            notifier.committed();
        } catch (CommitFailure failure) {
            if (batch.size() > 1 && !Failures.isConnectionLoss(failure.cause)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "a batch of {0} appends failed ({1}); retrying them one by one",
                        batch.size(),
                        failure.cause.getMessage());
                for (PendingAppend pending : batch) {
                    process(List.of(pending));
                }
                return;
            }
            StorageException error = Failures.appendNotAcknowledged(failure.cause, failure.mayHaveCommitted);
            batch.forEach(p -> p.result().completeExceptionally(error));
        } catch (RuntimeException | Error e) {
            StorageException error = new StorageException("append failed unexpectedly: " + e, e);
            batch.forEach(p -> p.result().completeExceptionally(error));
        }
    }

    private List<Outcome> commit(List<PendingAppend> batch) throws CommitFailure {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // The one-round-trip path commits inside its request, leaving no room for work before the commit.
        if (inTransaction.isEmpty() && FastAppend.accepts(batch)) {
            Optional<List<Outcome>> done = commitFast(batch, now);
            if (done.isPresent()) {
                return done.get();
            }
        }
        boolean committing = false;
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                AppendTransaction.Planned planned = transaction.plan(c, batch, now);
                if (inTransaction.isPresent()) {
                    runInTransaction(c, planned.recorded());
                }
                committing = true;
                planned.commit(c);
                return planned.outcomes();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            // Only a lost connection leaves the outcome open: a rejected statement never reaches the COMMIT.
            throw new CommitFailure(e, committing && Failures.isConnectionLoss(e));
        }
    }

    private Optional<List<Outcome>> commitFast(List<PendingAppend> batch, Instant now) throws CommitFailure {
        try (Connection c = db.connection()) {
            return fast.append(c, batch, now);
        } catch (SQLException e) {
            // The request carries its own commit: a lost connection leaves the outcome open.
            throw new CommitFailure(e, Failures.isConnectionLoss(e));
        }
    }

    /**
     * Runs the work in the open transaction. Its runtime failures become SQL failures, so that the
     * batch is retried one append per transaction and only the append the work refuses fails.
     */
    private void runInTransaction(Connection c, List<RecordedEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try {
            inTransaction.orElseThrow().apply(c, events);
        } catch (RuntimeException e) {
            throw new SQLException(
                    "the work run inside the append transaction failed: " + e, EXTERNAL_ROUTINE_FAILED, e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it and the server rolls back.
        }
    }

    private static long bytes(PendingAppend pending) {
        long total = 0;
        for (StreamAppend part : pending.parts()) {
            for (EventData event : part.events()) {
                total += event.size();
            }
        }
        return total;
    }

    /** Finishes the appends already queued, then stops the writer. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        wake.release();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StorageException closed = new StorageException("the event store was closed before the append ran");
        PendingAppend left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(closed);
        }
        notifier.close();
    }

    private static final class CommitFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient SQLException cause;
        private final boolean mayHaveCommitted;

        CommitFailure(SQLException cause, boolean mayHaveCommitted) {
            super(cause);
            this.cause = cause;
            this.mayHaveCommitted = mayHaveCommitted;
        }
    }
}
