package io.annal.store.embedded.internal.recovery;

import static io.annal.store.embedded.internal.log.LogFormat.*;

import io.annal.store.StorageException;
import io.annal.store.embedded.internal.index.IndexCheckpoint;
import io.annal.store.embedded.internal.index.StoreIndex;
import io.annal.store.embedded.internal.log.FaultInjector;
import io.annal.store.embedded.internal.log.Log;
import io.annal.store.embedded.internal.log.ScavengeMark;
import io.annal.store.embedded.internal.log.Segment;
import io.annal.store.embedded.internal.log.SegmentHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Opens the log and rebuilds the in-memory index from it.
 *
 * <p>Problem: a crash can leave a torn tail (a batch written in part, or written but not forced),
 * while a bit flip can damage data that was acknowledged long ago. The first must be cut off
 * without manual steps; the second must never be served and never be silently cut off.
 *
 * <p>Approach: every segment but the last was forced whole before the next was created, so any bad
 * frame there is corruption, and the next header's "previous data end" must match where the scan
 * ended. In the last segment, the scan stops at the first frame that is not valid; the committed end
 * is after the last frame that closes a commit. If anything follows it, {@link TailInspector}
 * decides: a valid later frame whose "durable-before" lies past the committed end proves that this
 * data had been forced, so it is corruption; otherwise it is a torn tail and is zeroed.
 *
 * <p>When an {@link IndexCheckpoint} matches the log, the index starts from it and only the log
 * after the last record it covers is scanned. The frames it covers were checked when they were
 * applied (by the appender's write or an earlier open) and are not checked again: that is what
 * lets a large log open in bounded time. Damage to them that happens later is still never served,
 * because every read checks the CRC of the frame it reads and fails with the segment and offset.
 * Without a matching checkpoint, the whole log is scanned and any damage fails the open.
 *
 * <p>After a scavenge ({@link ScavengeMark}) the log has gaps where it reclaimed segments: files it
 * names that are still present are the rest of a scavenge cut short and are deleted, and the index
 * must come from a matching checkpoint, since the reclaimed records cannot be replayed.
 *
 * <p>Thread safety: runs alone, before the store accepts any call.
 */
public final class LogRecovery {

    private LogRecovery() {}

    public record Recovered(Log log, long dataEndOffset, StoreIndex index) {}

    public static Recovered open(Path directory, long segmentSize, FaultInjector faults) throws IOException {
        Files.createDirectories(directory);
        ScavengeMark.Reclaimed reclaimed = ScavengeMark.read(directory);
        List<Path> files = listSegments(directory, reclaimed);
        if (files.isEmpty() && !reclaimed.isEmpty()) {
            throw corrupt(directory.resolve(segmentFileName(reclaimed.below())), 0, "the segment file is missing");
        }
        if (files.isEmpty()) {
            StoreIndex index = new StoreIndex();
            Segment first = Segment.createFirst(directory, new SegmentHeader(0, 0, segmentSize, -1), faults);
            return new Recovered(new Log(List.of(first), index::resolve), SEGMENT_HEADER_SIZE, index);
        }
        List<Segment> segments = new ArrayList<>();
        try {
            SegmentHeader previous = null;
            for (int i = 0; i < files.size(); i++) {
                SegmentHeader header = readHeader(files.get(i));
                checkSequence(files.get(i), header, previous, reclaimed);
                segments.add(Segment.open(files.get(i), header, i == files.size() - 1, faults));
                previous = header;
            }
            return recover(directory, segments, reclaimed);
        } catch (IOException | RuntimeException e) {
            for (Segment segment : segments) {
                segment.seal();
            }
            throw e;
        }
    }

    private static Recovered recover(Path directory, List<Segment> segments, ScavengeMark.Reclaimed reclaimed)
            throws IOException {
        Optional<IndexCheckpoint.Loaded> checkpoint =
                IndexCheckpoint.read(directory).filter(loaded -> CheckpointMatch.matches(segments, loaded));
        if (!reclaimed.isEmpty() && checkpoint.isEmpty()) {
            throw new StorageException("segments of " + directory + " were reclaimed by a"
                    + " scavenge, so the index cannot be rebuilt from the log alone, and " + IndexCheckpoint.FILE
                    + " is missing or does not match the log; restore it from the same backup as the segments");
        }
        StoreIndex index = checkpoint.map(IndexCheckpoint.Loaded::index).orElseGet(StoreIndex::new);
        long coveredEnd = checkpoint
                .map(loaded -> CheckpointMatch.endOf(segments, loaded))
                .orElse(-1L);
        // segments before the one holding the checkpoint's last record are trusted without a scan
        int first = 0;
        while (first < segments.size() - 1
                && coveredEnd >= segments.get(first + 1).base()) {
            first++;
        }
        long previousEnd = -1;
        long dataEnd = SEGMENT_HEADER_SIZE;
        for (int i = first; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            int scanFrom =
                    (int) Math.min(segment.capacity(), Math.max(SEGMENT_HEADER_SIZE, coveredEnd - segment.base()));
            // after a reclaimed segment there is no previous data end to compare with
            boolean follows = i > first
                    && segment.header().number() == segments.get(i - 1).header().number() + 1;
            if (follows && segment.header().previousDataEnd() != previousEnd) {
                throw corrupt(
                        segment.file(),
                        0,
                        "the previous segment's data should end at position "
                                + segment.header().previousDataEnd() + " but ends at " + previousEnd
                                + ": its tail is damaged");
            }
            SegmentScan scan = SegmentScan.of(segment, index, scanFrom);
            if (i < segments.size() - 1) {
                scan.requireClean();
            } else {
                TailInspector.settle(segment, scan);
            }
            dataEnd = scan.committedEnd();
            previousEnd = segment.base() + dataEnd;
        }
        return new Recovered(new Log(segments, index::resolve), dataEnd, index);
    }

    private static List<Path> listSegments(Path directory, ScavengeMark.Reclaimed reclaimed) throws IOException {
        try (Stream<Path> all = Files.list(directory)) {
            List<Path> files = new ArrayList<>();
            for (Path file : all.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(TEMPORARY_SUFFIX)) {
                    Files.delete(file); // a segment roll that did not finish: never part of the log
                } else if (name.endsWith(SEGMENT_SUFFIX) && reclaimed(name, reclaimed)) {
                    Files.delete(file); // a scavenge decided to reclaim it and was cut short
                } else if (name.endsWith(SEGMENT_SUFFIX)) {
                    files.add(file);
                }
            }
            return files;
        }
    }

    private static boolean reclaimed(String name, ScavengeMark.Reclaimed reclaimed) {
        String number = name.substring(0, name.length() - SEGMENT_SUFFIX.length());
        return number.chars().allMatch(Character::isDigit)
                && !number.isEmpty()
                && number.length() < 19
                && reclaimed.contains(Long.parseLong(number));
    }

    private static SegmentHeader readHeader(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bytes = ByteBuffer.allocate(SEGMENT_HEADER_SIZE);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {}
            SegmentHeader.Decoded decoded = SegmentHeader.decode(bytes.flip());
            SegmentHeader header =
                    decoded.header().orElseThrow(() -> corrupt(file, 0, "bad segment header: " + decoded.problem()));
            if (channel.size() < header.capacity()) {
                throw corrupt(file, channel.size(), "the file is shorter than its capacity " + header.capacity());
            }
            return header;
        }
    }

    private static void checkSequence(
            Path file, SegmentHeader header, SegmentHeader previous, ScavengeMark.Reclaimed reclaimed) {
        if (previous == null) {
            if (!reclaimed.all(0, header.number())) {
                throw corrupt(
                        file,
                        0,
                        "the first segment file has number " + header.number() + " but not every segment before it"
                                + " was reclaimed by a scavenge: earlier segment files are missing");
            }
            return;
        }
        long end = previous.basePosition() + previous.capacity();
        boolean next = header.number() == previous.number() + 1 && header.basePosition() == end;
        // a gap of reclaimed segments, each at least the smallest segment long
        boolean afterGap = header.number() > previous.number() + 1
                && reclaimed.all(previous.number() + 1, header.number())
                && header.basePosition() >= end + (header.number() - previous.number() - 1) * MIN_SEGMENT_SIZE;
        if (!next && !afterGap) {
            throw corrupt(
                    file,
                    0,
                    "segment " + header.number() + " does not follow segment " + previous.number()
                            + " and no scavenge reclaimed the segments between: a segment file is missing or foreign");
        }
    }

    static StorageException corrupt(Path file, long offset, String problem) {
        return new StorageException("the log is corrupt in segment " + file + " at offset " + offset + ": " + problem
                + ". The store did not open, so nothing corrupt is served; restore this file from a backup");
    }
}
