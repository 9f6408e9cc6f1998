package io.annal.store.embedded.internal.log;

import static io.annal.store.embedded.internal.log.LogFormat.*;

import java.nio.ByteBuffer;

/** Validates one frame in place: bounds, version, kind and CRC32C. */
public final class FrameCheck {

    private FrameCheck() {}

    /** Why the frame at {@code offset} is not valid, or null when it is; a body length of 0 is "end of data". */
    public static String problemAt(ByteBuffer map, int offset, long capacity) {
        if (offset + FRAME_HEADER_SIZE > capacity) {
            return "the frame header runs past the end of the segment";
        }
        int body = map.getInt(offset);
        if (body == 0) {
            return "no record here (end of data)";
        }
        if (body < 0 || body > MAX_BODY_SIZE || offset + (long) frameSize(body) > capacity) {
            return "the body length " + body + " is impossible";
        }
        if (map.getInt(offset + FRAME_CRC_OFFSET) != RecordCodec.crcOf(map, offset, body)) {
            return "the CRC32C does not match";
        }
        if (map.get(offset + FRAME_VERSION_OFFSET) != RECORD_VERSION) {
            return "record version " + map.get(offset + FRAME_VERSION_OFFSET) + " is not supported";
        }
        byte kind = map.get(offset + FRAME_KIND_OFFSET);
        if (kind < KIND_EVENT || kind > KIND_TOMBSTONE) {
            return "record kind " + kind + " is unknown";
        }
        return null;
    }
}
