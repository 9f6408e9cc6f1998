package io.annal.store.embedded.internal.log;

/**
 * Every constant of the on-disk format, in one place. The full description is in
 * docs/storage-format.md; the layout in brief:
 *
 * <pre>
 * segment file  = header (64 B) + frames + zeros up to the preallocated capacity
 * header        = magic u64 | format u32 | header size u32 | segment number u64 | base position u64
 *                 | capacity u64 | previous segment's data end u64 | reserved 12 B | CRC32C u32 of bytes 0..59
 * frame         = body length u32 | CRC32C u32 | record version u8 | kind u8 | flags u8 | reserved 5 B
 *                 | durable-before u64 | body | zero padding to a multiple of 8
 * </pre>
 *
 * <p>All numbers are big-endian. A frame's CRC32C covers its body length and every byte from offset
 * 8 to the end of the body. A body length of 0 marks the end of the data. A record's global
 * position is its segment's base position plus its offset in the file. "Durable-before" is the
 * position below which everything was forced before the frame's batch was written: recovery uses it
 * to tell a torn tail (truncate) from corruption of flushed data (refuse to open).
 */
public final class LogFormat {

    /** "ANNALLOG" in ASCII. */
    public static final long SEGMENT_MAGIC = 0x414E4E414C4C4F47L;

    public static final int FORMAT_VERSION = 1;
    public static final int SEGMENT_HEADER_SIZE = 64;
    public static final int SEGMENT_HEADER_CRC_OFFSET = 60;

    public static final int FRAME_HEADER_SIZE = 24;
    public static final int FRAME_ALIGNMENT = 8;
    public static final int FRAME_CRC_OFFSET = 4;
    public static final int FRAME_CRC_FROM = 8;
    public static final int FRAME_VERSION_OFFSET = 8;
    public static final int FRAME_KIND_OFFSET = 9;
    public static final int FRAME_FLAGS_OFFSET = 10;
    public static final int FRAME_DURABLE_BEFORE_OFFSET = 16;
    public static final byte RECORD_VERSION = 1;

    /** The largest body: one event of 1 MiB of data and metadata plus its names and fields. */
    public static final int MAX_BODY_SIZE = (1 << 20) + 4096;

    public static final byte KIND_EVENT = 1;
    public static final byte KIND_METADATA = 2;
    public static final byte KIND_DELETE = 3;
    public static final byte KIND_TOMBSTONE = 4;

    /** Set on the last frame of one atomic write (an append of all its parts, or an admin change). */
    public static final byte FLAG_COMMIT_END = 1;

    public static final long DEFAULT_SEGMENT_SIZE = 64L << 20;
    public static final long MIN_SEGMENT_SIZE = 64L << 10;
    public static final long MAX_SEGMENT_SIZE = 1L << 30;

    public static final String SEGMENT_SUFFIX = ".annal";
    public static final String TEMPORARY_SUFFIX = ".tmp";

    /**
     * Background writers (segment zero-fill, index checkpoint) force after every this many bytes:
     * a force of tens of MB at once made the appender's forces beside it wait 100-300 ms.
     */
    public static final int BACKGROUND_FORCE_BYTES = 4 << 20;

    private LogFormat() {}

    public static int frameSize(int bodyLength) {
        int raw = FRAME_HEADER_SIZE + bodyLength;
        return (raw + FRAME_ALIGNMENT - 1) & -FRAME_ALIGNMENT;
    }

    public static String segmentFileName(long number) {
        return String.format("%010d%s", number, SEGMENT_SUFFIX);
    }
}
