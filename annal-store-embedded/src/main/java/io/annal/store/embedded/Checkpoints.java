package io.annal.store.embedded;

import io.annal.store.embedded.internal.index.IndexCheckpoint;
import io.annal.store.embedded.internal.index.StoreIndex;
import io.annal.store.embedded.internal.log.FaultInjector;
import io.annal.store.embedded.internal.log.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes index checkpoints in the background while the store runs, so that open after a crash
 * replays at most about {@code every} bytes of log (or the last checkpoint's size, if larger) instead of everything since the last clean
 * close. The appender names the cut (the last record of a batch it has just published) and a
 * background thread writes it; appends never wait for a checkpoint. A failed checkpoint loses
 * nothing: the log is the truth, and the next open just replays more of it.
 *
 * <p>Thread safety: {@link #published} is called by the appender thread only.
 */
final class Checkpoints {

    private final Path directory;
    private final StoreIndex index;
    private final Log log;
    private final FaultInjector faults;
    private final long every;
    private final ExecutorService thread;
    private final AtomicBoolean writing = new AtomicBoolean();
    private long lastCut;
    /** The cut of the newest checkpoint written; touched only by the checkpoint thread. */
    private long written = -1;
    /** The size of the newest checkpoint written, in bytes. */
    private volatile long writtenBytes;

    Checkpoints(Path directory, StoreIndex index, Log log, FaultInjector faults, long every) {
        this.directory = directory;
        this.index = index;
        this.log = log;
        this.faults = faults;
        this.every = every;
        this.lastCut = index.lastRecordPosition();
        this.thread = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("annal-checkpoint").daemon(true).factory());
    }

    /** Called after a batch is durable and published: starts a checkpoint if one is due. */
    void published() {
        long cut = index.lastRecordPosition();
        if (cut < 0 || !due(cut - lastCut, every, writtenBytes) || !writing.compareAndSet(false, true)) {
            return;
        }
        lastCut = cut;
        thread.execute(() -> {
            try {
                write(cut);
            } catch (IOException | RuntimeException e) {
                // the log is the truth: the next open replays from the previous checkpoint instead
            } finally {
                writing.set(false);
            }
        });
    }

    /**
     * Each checkpoint rewrites the whole index (about 25 B per event), so with a fixed interval a
     * large store wrote more checkpoint than log, and each one's force stalled the appender's forces
     * behind it. Waiting for at least as much log as the last checkpoint took keeps checkpoints
     * below half of what is written, and the log replayed after a crash in proportion to the index.
     */
    static boolean due(long logSinceLast, long every, long lastCheckpointBytes) {
        return logSinceLast >= Math.max(every, lastCheckpointBytes);
    }

    /**
     * Writes a checkpoint cut at {@code cut} (a published record) and waits for it; a scavenge needs
     * one that covers what it reclaims. Runs on the checkpoint thread, so it never races another.
     */
    void writeNow(long cut) throws IOException {
        try {
            thread.submit(() -> {
                        write(cut);
                        return null;
                    })
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while an index checkpoint was being written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("the index checkpoint failed: " + e.getCause(), e.getCause());
        }
    }

    // An older cut never replaces a newer checkpoint: a scavenge may have reclaimed what lies before it.
    private void write(long cut) throws IOException {
        if (cut < written || !log.holds(cut)) {
            return;
        }
        IndexCheckpoint.write(directory, index, cut, log.frameCrcAt(cut), faults);
        written = cut;
        writtenBytes = Files.size(directory.resolve(IndexCheckpoint.FILE));
    }

    /** Waits for a checkpoint being written, so that the final one does not race it. */
    void close() throws IOException {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.MINUTES)) {
                throw new IOException("an index checkpoint did not finish within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while an index checkpoint was being written", e);
        }
    }
}
