package io.annal.store.embedded.internal.recovery;

import static io.annal.store.embedded.internal.log.LogFormat.*;

import io.annal.store.embedded.internal.index.IndexCheckpoint;
import io.annal.store.embedded.internal.log.FrameCheck;
import io.annal.store.embedded.internal.log.Segment;
import java.util.List;

/**
 * Whether an index checkpoint belongs to this log: the record it says it ends with must be a valid
 * frame at that position with that CRC. A checkpoint from another or a longer log fails this.
 */
final class CheckpointMatch {

    private CheckpointMatch() {}

    static boolean matches(List<Segment> segments, IndexCheckpoint.Loaded checkpoint) {
        Segment segment = segmentOf(segments, checkpoint.lastRecordPosition());
        if (segment == null) {
            return false;
        }
        int offset = (int) (checkpoint.lastRecordPosition() - segment.base());
        return FrameCheck.problemAt(segment.map(), offset, segment.capacity()) == null
                && segment.map().getInt(offset + FRAME_CRC_OFFSET) == checkpoint.lastRecordCrc();
    }

    /** The position just after the checkpoint's last record. */
    static long endOf(List<Segment> segments, IndexCheckpoint.Loaded checkpoint) {
        Segment segment = segmentOf(segments, checkpoint.lastRecordPosition());
        int offset = (int) (checkpoint.lastRecordPosition() - segment.base());
        return checkpoint.lastRecordPosition() + frameSize(segment.map().getInt(offset));
    }

    private static Segment segmentOf(List<Segment> segments, long position) {
        for (Segment segment : segments) {
            if (position >= segment.base() + SEGMENT_HEADER_SIZE && position < segment.base() + segment.capacity()) {
                return segment;
            }
        }
        return null;
    }
}
