package io.annal.store.embedded.internal.log;

import static io.annal.store.embedded.internal.log.LogFormat.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The appender's side of the log: frames of one batch are encoded into one buffer, then written
 * with one positional write ({@link #write}) and made durable with one force ({@link #force}). The
 * force of a batch may run on another thread while the next batch is encoded and written behind
 * it. A request never straddles two segments: when its frames do not fit, the batch in flight is
 * awaited, the active segment is written, forced and sealed, and a new one is created first.
 *
 * <p>Thread safety: the appender thread calls everything but {@link #force}, which one other
 * thread may call for a batch already written.
 */
public final class LogWriter {

    private final Path directory;
    private final Log log;
    private final long segmentSize;
    private final boolean fsync;
    private final FaultInjector faults;
    private final SegmentPreparer preparer;
    private Segment active;
    private long written;
    private volatile long durableEnd;
    private InFlight inFlight = () -> {};
    private ByteBuffer batch = ByteBuffer.allocateDirect(1 << 20);

    public LogWriter(
            Path directory, Log log, long dataEndOffset, long segmentSize, boolean fsync, FaultInjector faults) {
        this.directory = directory;
        this.log = log;
        this.active = log.last();
        this.written = dataEndOffset;
        this.durableEnd = active.base() + dataEndOffset;
        this.segmentSize = segmentSize;
        this.fsync = fsync;
        this.faults = faults;
        this.preparer = new SegmentPreparer(directory);
    }

    /** Waits until the batch being forced, if any, is durable; throws if its force failed. */
    @FunctionalInterface
    public interface InFlight {
        void await() throws IOException;
    }

    /** A written batch: forcing {@code segment} makes everything below {@code end} durable. */
    public record Written(Segment segment, long end, boolean hasBytes) {}

    /** What a roll waits for before it writes and seals the active segment. */
    public void awaitBeforeRoll(InFlight inFlight) {
        this.inFlight = inFlight;
    }

    /** The most bytes of frames one request may take: what fits in an empty segment. */
    public long maxRequestBytes() {
        return segmentSize - SEGMENT_HEADER_SIZE;
    }

    /** Everything below this global position is written and forced. */
    public long durableEnd() {
        return durableEnd;
    }

    /**
     * Makes room for one request of {@code bytes} bytes of frames and returns the global position
     * where its first frame goes; frames are then put into {@link #buffer()}.
     */
    public long reserve(int bytes) throws IOException {
        long end = written + batch.position() + bytes;
        if (end > active.capacity()) {
            roll();
        } else if (end > active.capacity() / 2) {
            preparer.prepare(active.header().number() + 1, segmentSize);
        }
        if (batch.remaining() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(batch.capacity() * 2, batch.position() + bytes));
            bigger.put(batch.flip());
            batch = bigger;
        }
        return active.base() + written + batch.position();
    }

    public ByteBuffer buffer() {
        return batch;
    }

    public boolean hasPending() {
        return batch.position() > 0;
    }

    /** Writes the batch encoded so far; {@link #force} of the result makes it durable. */
    public Written write() throws IOException {
        boolean hasBytes = hasPending();
        if (hasBytes) {
            writeBatch();
        }
        return new Written(active, active.base() + written, hasBytes);
    }

    /**
     * Forces a written batch (unless fsync is off): after this returns, it and every batch before
     * it are durable. Batches are forced in the order they were written.
     */
    public void force(Written batch) throws IOException {
        if (!batch.hasBytes()) {
            return;
        }
        faults.reached(FaultPoint.AFTER_WRITE_BEFORE_FORCE);
        if (fsync) {
            batch.segment().channel().force();
        }
        durableEnd = batch.end();
    }

    private void writeBatch() throws IOException {
        ByteBuffer bytes = batch.flip();
        int half = bytes.limit() / 2;
        if (faults != FaultInjector.NONE && half > 0) {
            ByteBuffer first = bytes.duplicate().limit(half);
            active.channel().write(first, written);
            faults.reached(FaultPoint.MID_RECORD);
            active.channel().write(bytes.position(half), written + half);
        } else if (bytes.hasRemaining()) {
            active.channel().write(bytes, written);
        }
        written += bytes.limit();
        batch.clear();
    }

    private void roll() throws IOException {
        inFlight.await(); // its force must not meet a sealed segment, nor fail after this one
        writeBatch();
        if (fsync) {
            active.channel().force();
        }
        long dataEnd = active.base() + written;
        active.seal();
        faults.reached(FaultPoint.DURING_SEGMENT_ROLL);
        SegmentHeader next = new SegmentHeader(
                active.header().number() + 1, active.base() + active.capacity(), segmentSize, dataEnd);
        active = Segment.create(directory, next, faults, preparer);
        log.add(active);
        written = SEGMENT_HEADER_SIZE;
    }

    /**
     * Stops writing. A healthy log is forced first (in either durability mode), so that an index
     * checkpoint written next covers only durable records; after a failure nothing more is written.
     */
    public void close(boolean healthy) throws IOException {
        try {
            if (healthy && !active.isSealed()) {
                active.channel().force();
            }
            active.seal();
        } finally {
            preparer.close();
        }
    }
}
