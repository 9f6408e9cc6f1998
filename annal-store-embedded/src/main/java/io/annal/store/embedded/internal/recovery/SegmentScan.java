package io.annal.store.embedded.internal.recovery;

import static io.annal.store.embedded.internal.log.LogFormat.*;

import io.annal.store.embedded.internal.index.StoreIndex;
import io.annal.store.embedded.internal.log.FrameCheck;
import io.annal.store.embedded.internal.log.LogRecord;
import io.annal.store.embedded.internal.log.NameCache;
import io.annal.store.embedded.internal.log.RecordCodec;
import io.annal.store.embedded.internal.log.Segment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one segment's frames in order, applying each completed commit to the index, until the
 * first offset that holds no valid frame. Frames of a commit whose closing frame is missing are
 * never applied.
 */
final class SegmentScan {

    private final Segment segment;
    private final int stoppedAt;
    private final String problem;
    private final int committedEnd;

    private SegmentScan(Segment segment, int stoppedAt, String problem, int committedEnd) {
        this.segment = segment;
        this.stoppedAt = stoppedAt;
        this.problem = problem;
        this.committedEnd = committedEnd;
    }

    /**
     * Scans the segment from {@code from} (the header's end, or the end of what an index checkpoint
     * covers), checking every frame's CRC and applying every completed commit.
     */
    static SegmentScan of(Segment segment, StoreIndex index, int from) {
        ByteBuffer map = segment.map();
        long capacity = segment.capacity();
        int offset = from;
        int committedEnd = offset;
        List<LogRecord> open = new ArrayList<>();
        NameCache names = new NameCache();
        String problem;
        while ((problem = FrameCheck.problemAt(map, offset, capacity)) == null) {
            open.add(RecordCodec.decode(map, offset, segment.base() + offset, index::resolve, names, false));
            boolean commitEnd = (map.get(offset + FRAME_FLAGS_OFFSET) & FLAG_COMMIT_END) != 0;
            offset += frameSize(map.getInt(offset));
            if (commitEnd) {
                open.forEach(index::apply);
                open.clear();
                committedEnd = offset;
            }
        }
        return new SegmentScan(segment, offset, problem, committedEnd);
    }

    /** Offset just after the last frame that closed a commit. */
    int committedEnd() {
        return committedEnd;
    }

    /** Offset of the first place without a valid frame. */
    int stoppedAt() {
        return stoppedAt;
    }

    String problem() {
        return problem;
    }

    boolean endedAtZero() {
        return stoppedAt + 4 > segment.capacity() || segment.map().getInt(stoppedAt) == 0;
    }

    /** A sealed segment must end in a commit followed by nothing but zeros. */
    void requireClean() {
        if (committedEnd != stoppedAt || !endedAtZero()) {
            int at = committedEnd != stoppedAt ? committedEnd : stoppedAt;
            throw LogRecovery.corrupt(
                    segment.file(),
                    at,
                    committedEnd != stoppedAt ? "a commit was cut off inside a sealed segment" : problem);
        }
    }
}
