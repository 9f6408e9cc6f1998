package io.annal.store.embedded.internal.log;

import static io.annal.store.embedded.internal.log.LogFormat.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The appender's side of the log: frames of one batch are encoded into one buffer, then written
 * with one positional write and made durable with one force. A request never straddles two
 * segments: when its frames do not fit, the active segment is written, forced and sealed, and a new
 * one is created first.
 *
 * <p>Thread safety: used by the appender thread only.
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
    private long durableEnd;
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

    /** Writes the batch and forces it (unless fsync is off): after this returns, the batch is durable. */
    public void commit() throws IOException {
        writeBatch();
        faults.reached(FaultPoint.AFTER_WRITE_BEFORE_FORCE);
        if (fsync) {
            active.channel().force();
        }
        durableEnd = active.base() + written;
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
