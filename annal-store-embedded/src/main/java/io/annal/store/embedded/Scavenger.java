package io.annal.store.embedded;

import static io.annal.store.embedded.internal.log.LogFormat.*;

import io.annal.store.StreamName;
import io.annal.store.embedded.internal.index.StoreIndex;
import io.annal.store.embedded.internal.log.FaultInjector;
import io.annal.store.embedded.internal.log.FaultPoint;
import io.annal.store.embedded.internal.log.Log;
import io.annal.store.embedded.internal.log.LogRecord;
import io.annal.store.embedded.internal.log.ScavengeMark;
import io.annal.store.embedded.internal.log.Segment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reclaims segment files once every event in them is dead by retention (deleted or tombstoned
 * streams, maxCount, maxAge, truncateBefore), while appends go on.
 *
 * <p>Only whole segments wholly before the last published event are candidates, so the active
 * segment and the record a checkpoint ends with are never reclaimed; any of them may go, leaving a
 * gap of positions that reads skip. The order makes it crash-safe: (1) an index checkpoint that
 * covers the segments is written, since their records can no longer be replayed; (2) {@link
 * ScavengeMark} records every reclaimed segment number, so open tells a gap from a lost file; (3)
 * the segments leave the log, so reads skip their positions; (4) the files are deleted and the
 * directory forced. A crash before (2) reclaims nothing; after it, open finishes the deletes.
 *
 * <p>Thread safety: one scavenge at a time (the store serialises them).
 */
final class Scavenger {

    private final Path directory;
    private final StoreIndex index;
    private final Log log;
    private final Checkpoints checkpoints;
    private final InstantSource clock;
    private final FaultInjector faults;

    Scavenger(
            Path directory,
            StoreIndex index,
            Log log,
            Checkpoints checkpoints,
            InstantSource clock,
            FaultInjector faults) {
        this.directory = directory;
        this.index = index;
        this.log = log;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.faults = faults;
    }

    ScavengeResult run() throws IOException {
        long published = index.events().size();
        if (published == 0) {
            return ScavengeResult.none();
        }
        long cut = index.events().get(published - 1);
        List<Segment> dead = new ArrayList<>();
        for (Segment segment : log.segments()) {
            if (segment.base() + segment.capacity() > cut) {
                break;
            }
            if (allDead(segment)) {
                dead.add(segment);
            }
        }
        if (dead.isEmpty()) {
            return ScavengeResult.none();
        }
        List<Long> numbers =
                dead.stream().map(segment -> segment.header().number()).toList();
        checkpoints.writeNow(cut);
        ScavengeMark.write(directory, ScavengeMark.read(directory).plus(numbers));
        faults.reached(FaultPoint.DURING_SCAVENGE);
        log.drop(numbers);
        long bytes = 0;
        for (Segment segment : dead) {
            bytes += Files.size(segment.file());
            Files.delete(segment.file());
        }
        Segment.forceDirectory(directory);
        return new ScavengeResult(dead.size(), bytes);
    }

    /** Whether no event of this sealed segment is live now; other records live on in the index. */
    private boolean allDead(Segment segment) {
        ByteBuffer map = segment.map();
        Map<StreamName, Liveness> streams = new HashMap<>();
        int offset = SEGMENT_HEADER_SIZE;
        while (offset + FRAME_HEADER_SIZE <= segment.capacity() && map.getInt(offset) != 0) {
            // only events are decoded: the other records live on in the index, whatever their state
            if (map.get(offset + FRAME_KIND_OFFSET) == KIND_EVENT
                    && log.read(segment.base() + offset) instanceof LogRecord.Event event) {
                Liveness live = streams.computeIfAbsent(event.stream(), name -> Liveness.of(index.find(name), clock));
                if (!live.hidden() && live.versionLive(event.version()) && live.ageLive(event.recordedAt())) {
                    return false;
                }
            }
            offset += frameSize(map.getInt(offset));
        }
        return true;
    }
}
