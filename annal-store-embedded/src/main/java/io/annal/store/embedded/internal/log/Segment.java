package io.annal.store.embedded.internal.log;

import static io.annal.store.embedded.internal.log.LogFormat.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One preallocated segment file: its header, a read-only memory map for readers (the page cache
 * serves every read), and, while it is the active segment, the channel the appender writes through.
 * Only absolute-index reads touch the shared map, so concurrent readers need no lock.
 */
public final class Segment {

    private final Path file;
    private final SegmentHeader header;
    private final MappedByteBuffer map;
    private SegmentChannel channel;

    private Segment(Path file, SegmentHeader header, MappedByteBuffer map, SegmentChannel channel) {
        this.file = file;
        this.header = header;
        this.map = map;
        this.channel = channel;
    }

    /**
     * Creates the segment durably from a zero-filled temporary file: the header is written and
     * forced, then the file is renamed into place and the directory forced, so that a crash never
     * leaves a half-made segment under a segment's name.
     */
    static Segment create(Path directory, SegmentHeader header, FaultInjector faults, SegmentPreparer preparer)
            throws IOException {
        Path temporary = preparer.take(header.number(), header.capacity());
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = header.encode();
            while (bytes.hasRemaining()) {
                out.write(bytes, bytes.position());
            }
            out.force(true);
        }
        Path file = directory.resolve(segmentFileName(header.number()));
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(directory);
        return open(file, header, true, faults);
    }

    /** Creates the first segment of a new log. */
    public static Segment createFirst(Path directory, SegmentHeader header, FaultInjector faults) throws IOException {
        return create(directory, header, faults, new SegmentPreparer(directory));
    }

    /** Opens an existing segment whose header was already validated. */
    public static Segment open(Path file, SegmentHeader header, boolean writable, FaultInjector faults)
            throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, header.capacity());
        if (!writable) {
            channel.close();
            return new Segment(file, header, map, null);
        }
        return new Segment(file, header, map, faults.wrap(SegmentChannel.of(channel)));
    }

    public static void forceDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    public Path file() {
        return file;
    }

    public SegmentHeader header() {
        return header;
    }

    public long base() {
        return header.basePosition();
    }

    public long capacity() {
        return header.capacity();
    }

    /** The map, for absolute reads only. */
    public ByteBuffer map() {
        return map;
    }

    public SegmentChannel channel() {
        if (channel == null) {
            throw new IllegalStateException("segment " + file + " is sealed");
        }
        return channel;
    }

    public boolean isSealed() {
        return channel == null;
    }

    /** Stops writing to this segment: it is full and forced. */
    public void seal() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
