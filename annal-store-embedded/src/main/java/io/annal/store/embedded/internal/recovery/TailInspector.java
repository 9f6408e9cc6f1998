package io.annal.store.embedded.internal.recovery;

import static io.annal.store.embedded.internal.log.LogFormat.*;

import io.annal.store.embedded.internal.log.FrameCheck;
import io.annal.store.embedded.internal.log.Segment;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Decides what follows the last commit of the last segment: nothing (clean), a torn tail (zeroed,
 * so stale frames can never be read as data later) or corruption of forced data (refuse to open).
 */
final class TailInspector {

    private TailInspector() {}

    static void settle(Segment segment, SegmentScan scan) throws IOException {
        ByteBuffer map = segment.map();
        int from = scan.committedEnd();
        int lastNonZero = lastNonZeroByte(map, from, (int) segment.capacity());
        if (lastNonZero < 0) {
            return;
        }
        long committedPosition = segment.base() + from;
        for (int offset = from + FRAME_ALIGNMENT; offset < lastNonZero; offset += FRAME_ALIGNMENT) {
            if (map.getInt(offset) != 0
                    && FrameCheck.problemAt(map, offset, segment.capacity()) == null
                    && map.getLong(offset + FRAME_DURABLE_BEFORE_OFFSET) > committedPosition) {
                int bad = scan.stoppedAt();
                String problem = bad == from ? scan.problem() : "a commit was cut off before data that was forced";
                throw LogRecovery.corrupt(segment.file(), bad, problem);
            }
        }
        zero(segment, from, lastNonZero + 1);
    }

    private static int lastNonZeroByte(ByteBuffer map, int from, int capacity) {
        int aligned = capacity & -8;
        for (int i = aligned - 8; i >= from; i -= 8) {
            if (map.getLong(i) != 0) {
                for (int b = i + 7; b >= i; b--) {
                    if (map.get(b) != 0) {
                        return b;
                    }
                }
            }
        }
        for (int b = capacity - 1; b >= aligned; b--) {
            if (map.get(b) != 0) {
                return b;
            }
        }
        return -1;
    }

    private static void zero(Segment segment, int from, int to) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(64 << 10);
        for (int at = from; at < to; at += zeros.capacity()) {
            segment.channel().write(zeros.clear().limit(Math.min(zeros.capacity(), to - at)), at);
        }
        segment.channel().force();
    }
}
