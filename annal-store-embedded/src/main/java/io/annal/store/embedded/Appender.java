package io.annal.store.embedded;

import io.annal.store.EventStoreException;
import io.annal.store.StorageException;
import io.annal.store.embedded.internal.log.LogWriter;
import io.annal.store.spi.AppendNotifier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The single writer of the log, with group commit.
 *
 * <p>Problem: a force costs 0.3–0.8 ms on this class of disk, so forcing per append caps a store at
 * a few thousand appends per second, and parallel forces do not help.
 *
 * <p>Approach: callers queue their requests and wait. One platform thread takes everything queued,
 * checks each request against the streams as the batch so far leaves them, encodes the accepted
 * ones into one buffer, writes it with one write and makes it durable with one force. Only then are
 * the batch's changes published to readers, subscriptions woken and callers answered, including
 * those whose requests were refused (a refusal may depend on an earlier request of the batch). If a
 * write or force fails, nothing of the batch is acknowledged and the store refuses further writes
 * until it is reopened: after a failed force the page cache may hold bytes the disk never got, so
 * retrying the force could falsely succeed; recovery on open re-reads and re-checks the log instead.
 *
 * <p>Thread safety: stream state is written by this thread only, so checks need no locks; callers
 * only touch the queue and their own future.
 */
final class Appender {

    private static final int MAX_BATCH = 4096;

    private final BlockingQueue<WriteRequest> queue = new LinkedBlockingQueue<>();
    private final LogWriter writer;
    private final BatchBuilder builder;
    private final AppendNotifier notifier;
    private final Checkpoints checkpoints;
    private final Thread thread;
    private final ReentrantLock admission = new ReentrantLock();
    private volatile StorageException failure;
    private boolean accepting = true; // guarded by admission

    Appender(LogWriter writer, BatchBuilder builder, AppendNotifier notifier, Checkpoints checkpoints) {
        this.writer = writer;
        this.builder = builder;
        this.notifier = notifier;
        this.checkpoints = checkpoints;
        this.thread = Thread.ofPlatform().name("annal-appender").daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Queues {@code request} and waits for its outcome. */
    Object submit(WriteRequest request) {
        admission.lock();
        try {
            if (!accepting) {
                throw refusal();
            }
            queue.add(request);
        } finally {
            admission.unlock();
        }
        try {
            return request.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof EventStoreException cause) {
                throw cause;
            }
            throw new StorageException("the append failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }

    boolean hasFailed() {
        return failure != null;
    }

    /** Finishes what is queued, then stops the thread. */
    void stop() throws InterruptedException {
        admission.lock();
        try {
            if (accepting) {
                accepting = false;
                queue.add(new WriteRequest.Stop(new CompletableFuture<>()));
            }
        } finally {
            admission.unlock();
        }
        thread.join();
    }

    private StorageException refusal() {
        StorageException failed = failure;
        return failed != null ? failed : new StorageException("the event store is closed; open it again to write");
    }

    /** No request can be queued after this, so the final drain misses none. */
    private void stopAccepting() {
        admission.lock();
        try {
            accepting = false;
        } finally {
            admission.unlock();
        }
    }

    private void run() {
        List<WriteRequest> batch = new ArrayList<>();
        try {
            boolean stop = false;
            while (!stop) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                stop = batch.stream().anyMatch(WriteRequest.Stop.class::isInstance);
                process(batch);
                batch.clear();
                if (failure != null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopAccepting();
            failQueued();
        }
    }

    private void process(List<WriteRequest> batch) {
        Object[] outcomes = new Object[batch.size()];
        builder.start();
        try {
            for (int i = 0; i < outcomes.length; i++) {
                builder.prefetch(batch, i);
                try {
                    outcomes[i] = builder.apply(batch.get(i));
                } catch (EventStoreException refused) {
                    outcomes[i] = refused;
                }
            }
            if (writer.hasPending()) {
                writer.commit();
            }
            builder.publish();
        } catch (IOException | RuntimeException | Error e) {
            failure = new StorageException(
                    "the event store could not make a batch durable (" + e
                            + "): those appends were not acknowledged and the store refuses writes from now on."
                            + " Close and reopen it: recovery keeps exactly what is intact on disk",
                    e);
            batch.forEach(request -> request.done().completeExceptionally(failure));
            return;
        }
        notifier.notifyAppended();
        checkpoints.published();
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] instanceof EventStoreException refused) {
                batch.get(i).done().completeExceptionally(refused);
            } else {
                batch.get(i).done().complete(outcomes[i]);
            }
        }
    }

    private void failQueued() {
        StorageException reason =
                failure != null ? failure : new StorageException("the event store is closed; open it again to write");
        WriteRequest request;
        while ((request = queue.poll()) != null) {
            request.done().completeExceptionally(reason);
        }
    }
}
