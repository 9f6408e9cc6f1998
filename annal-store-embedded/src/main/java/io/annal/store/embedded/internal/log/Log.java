package io.annal.store.embedded.internal.log;

import static io.annal.store.embedded.internal.log.LogFormat.*;

import io.annal.store.StorageException;
import io.annal.store.StreamName;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The segments of the log in position order, and reads of single records by global position.
 * Every read checks the frame's CRC32C, so a record damaged after it was written fails the read
 * with the segment file and offset, and is never served. The segment list is replaced as a whole
 * (copy on write) when a segment is added or a scavenge drops some; positions in no segment are
 * reclaimed, and {@link #holds} says so before a read is tried.
 */
public final class Log {

    private final Function<String, StreamName> names;
    private final NameCache cache = new NameCache();
    private volatile Segment[] segments;

    public Log(List<Segment> segments, Function<String, StreamName> names) {
        this.segments = segments.toArray(Segment[]::new);
        this.names = names;
    }

    public synchronized void add(Segment segment) {
        Segment[] current = segments;
        Segment[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = segment;
        segments = next;
    }

    /** Drops the segments with these numbers: a scavenge reclaimed them. The last one always stays. */
    public synchronized void drop(Collection<Long> numbers) {
        Segment[] current = segments;
        Segment[] next = Arrays.stream(current, 0, current.length - 1)
                .filter(segment -> !numbers.contains(segment.header().number()))
                .toArray(Segment[]::new);
        next = Arrays.copyOf(next, next.length + 1);
        next[next.length - 1] = current[current.length - 1];
        segments = next;
    }

    /** The segments in position order, as they stand now. */
    public List<Segment> segments() {
        return List.of(segments);
    }

    /** Whether the record at {@code position} is still on disk (a scavenge reclaims whole segments). */
    public boolean holds(long position) {
        Segment[] current = segments;
        int at = indexOf(current, position);
        return at >= 0 && position < current[at].base() + current[at].capacity();
    }

    /** The lowest position a record can still have. */
    public long firstHeld() {
        return segments[0].base();
    }

    public Segment last() {
        Segment[] current = segments;
        return current[current.length - 1];
    }

    /** Reads and checks the record at {@code position}, which must be a record's start. */
    public LogRecord read(long position) {
        return read(position, RecordFilter.NONE);
    }

    /**
     * The record at {@code position}, or null when it is an event that {@code filter} refuses:
     * such an event is judged from its stream name and type bytes and not decoded.
     */
    public LogRecord read(long position, RecordFilter filter) {
        Segment segment = segmentOf(position);
        ByteBuffer map = segment.map();
        int offset = (int) (position - segment.base());
        checkFrame(segment, offset);
        if (!filter.selectsAll() && RecordCodec.refuses(map, offset, filter, cache)) {
            return null;
        }
        return RecordCodec.decode(map, offset, position, names, cache, true);
    }

    /** The stored CRC32C of the valid frame at {@code position}. */
    public int frameCrcAt(long position) {
        Segment segment = segmentOf(position);
        int offset = (int) (position - segment.base());
        checkFrame(segment, offset);
        return segment.map().getInt(offset + FRAME_CRC_OFFSET);
    }

    private static void checkFrame(Segment segment, int offset) {
        ByteBuffer map = segment.map();
        String problem = FrameCheck.problemAt(map, offset, segment.capacity());
        if (problem != null) {
            throw new StorageException("corrupt record in segment " + segment.file() + " at offset " + offset + ": "
                    + problem + "; the event is not served. Restore the file from a backup or a replica");
        }
    }

    private Segment segmentOf(long position) {
        Segment[] current = segments;
        int at = indexOf(current, position);
        Segment segment = at < 0 ? null : current[at];
        if (segment == null
                || position < segment.base() + SEGMENT_HEADER_SIZE
                || position >= segment.base() + segment.capacity()) {
            throw new StorageException("position " + position + " is in no segment of the log");
        }
        return segment;
    }

    /** The last segment starting at or before {@code position}, or -1. */
    private static int indexOf(Segment[] current, long position) {
        int low = -1;
        int high = current.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (current[mid].base() <= position) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
