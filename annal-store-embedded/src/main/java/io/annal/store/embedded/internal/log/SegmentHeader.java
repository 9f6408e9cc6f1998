package io.annal.store.embedded.internal.log;

import static io.annal.store.embedded.internal.log.LogFormat.*;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The fixed header at the start of every segment file. {@code previousDataEnd} is the global
 * position where the previous segment's data ended (-1 for the first segment), so that recovery can
 * tell when a sealed segment lost its tail.
 */
public record SegmentHeader(long number, long basePosition, long capacity, long previousDataEnd) {

    public ByteBuffer encode() {
        ByteBuffer out = ByteBuffer.allocate(SEGMENT_HEADER_SIZE);
        out.putLong(SEGMENT_MAGIC).putInt(FORMAT_VERSION).putInt(SEGMENT_HEADER_SIZE);
        out.putLong(number).putLong(basePosition).putLong(capacity).putLong(previousDataEnd);
        out.putInt(SEGMENT_HEADER_CRC_OFFSET, crc(out));
        return out.clear();
    }

    /** Decodes a header, or explains why the bytes are not a valid one. */
    public static Decoded decode(ByteBuffer in) {
        if (in.limit() < SEGMENT_HEADER_SIZE) {
            return new Decoded(Optional.empty(), "the file is shorter than a segment header");
        }
        if (in.getLong(0) != SEGMENT_MAGIC) {
            return new Decoded(Optional.empty(), "the magic number is wrong: not an Annal segment file");
        }
        if (in.getInt(SEGMENT_HEADER_CRC_OFFSET) != crc(in)) {
            return new Decoded(Optional.empty(), "the header checksum does not match");
        }
        int version = in.getInt(8);
        if (version != FORMAT_VERSION) {
            return new Decoded(
                    Optional.empty(),
                    "format version " + version + " is not supported (this build reads " + FORMAT_VERSION + ")");
        }
        SegmentHeader header = new SegmentHeader(in.getLong(16), in.getLong(24), in.getLong(32), in.getLong(40));
        return new Decoded(Optional.of(header), "");
    }

    public record Decoded(Optional<SegmentHeader> header, String problem) {}

    private static int crc(ByteBuffer buffer) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.slice(0, SEGMENT_HEADER_CRC_OFFSET));
        return (int) crc.getValue();
    }
}
