package io.annal.store.embedded.internal.index;

import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.embedded.internal.log.FaultInjector;
import io.annal.store.embedded.internal.log.FaultPoint;
import io.annal.store.embedded.internal.log.Segment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32C;

/**
 * The whole in-memory index saved beside the log, in the background while the store runs and when
 * it closes, so that the next open reads it and scans only the log written after it. It names the last record it covers by position
 * and CRC; recovery uses it only when that record is still in the log with that CRC, and otherwise
 * rebuilds from the whole log. Layout (big-endian): magic u64 | version u32 | last record position
 * u64 | its CRC u32 | streams | event positions | id table | CRC32C u32 of everything before.
 */
public final class IndexCheckpoint {

    public static final String FILE = "index.checkpoint";

    /** "ANNALIDX" in ASCII. */
    private static final long MAGIC = 0x414E4E414C494458L;

    private static final int VERSION = 2;

    /** Bytes of an entry between its positions and its custom metadata, and after that metadata. */
    private static final int ENTRY_FIXED = 8 + 8 + 4 + 8;

    private static final int ENTRY_TAIL = 4 + 8 + 4 + 4 + 8 + 4;

    private IndexCheckpoint() {}

    /** A checkpoint read back: the index and the record it ends with. */
    public record Loaded(StoreIndex index, long lastRecordPosition, int lastRecordCrc) {}

    /**
     * Writes the index as it stands at record {@code lastPosition}, the last record of a batch that
     * was published before this call. The writer may append meanwhile: only event positions up to
     * {@code lastPosition} are written, while stream statuses and id slots may be newer; replaying
     * the log after {@code lastPosition} on open brings both to the same end state (a status field
     * is set by the last record that touches it; a newer id slot is re-inserted as itself).
     */
    public static void write(
            Path directory, StoreIndex index, long lastPosition, int lastRecordCrc, FaultInjector faults)
            throws IOException {
        Path temporary = directory.resolve(FILE + ".tmp");
        try (FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            CheckpointWriter out = new CheckpointWriter(channel);
            out.putLong(MAGIC);
            out.putInt(VERSION);
            out.putLong(lastPosition);
            out.putInt(lastRecordCrc);
            List<StreamEntry> entries = new ArrayList<>(index.streams().values());
            out.putInt(entries.size());
            for (StreamEntry entry : entries) {
                writeEntry(out, entry, lastPosition);
            }
            PositionList events = index.events();
            long size = events.firstAtOrAfter(lastPosition + 1, events.size());
            out.putLong(size);
            events.writeTo(out, size);
            index.ids().writeTo(out);
            out.finish();
            channel.force(true);
        }
        faults.reached(FaultPoint.DURING_INDEX_CHECKPOINT);
        Files.move(temporary, directory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
        Segment.forceDirectory(directory);
    }

    /** The checkpoint in {@code directory}, empty when there is none or it is damaged. */
    public static Optional<Loaded> read(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 32 || size > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            ByteBuffer in = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            // the CRC runs on the other core while this one parses; every count is bounded by the
            // bytes left, so damage can fail the parse but never make it allocate beyond the file
            ByteBuffer whole = in.duplicate();
            CompletableFuture<Boolean> intact = CompletableFuture.supplyAsync(() -> crcMatches(whole, (int) size));
            in.limit((int) size - 4);
            Optional<Loaded> loaded = parse(in);
            return intact.join() ? loaded : Optional.empty();
        } catch (IOException | RuntimeException damaged) {
            return Optional.empty(); // rebuilding from the log is always correct, only slower
        }
    }

    private static boolean crcMatches(ByteBuffer file, int size) {
        CRC32C crc = new CRC32C();
        crc.update(file.slice(0, size - 4));
        return file.getInt(size - 4) == (int) crc.getValue();
    }

    private static Optional<Loaded> parse(ByteBuffer in) {
        try {
            if (in.getLong() != MAGIC || in.getInt() != VERSION) {
                return Optional.empty();
            }
            long lastPosition = in.getLong();
            int lastCrc = in.getInt();
            StoreIndex index = restore(in);
            if (in.hasRemaining()) {
                return Optional.empty();
            }
            index.restoreLastRecordPosition(lastPosition);
            return Optional.of(new Loaded(index, lastPosition, lastCrc));
        } catch (IOException | RuntimeException damaged) {
            return Optional.empty();
        }
    }

    /** A count read from the file, refused when fewer than {@code count * width} bytes are left. */
    static int count(ByteBuffer in, int width) throws IOException {
        int count = in.getInt();
        if (count < 0 || count > in.remaining() / width) {
            throw new IOException("the count " + count + " runs past the checkpoint's end");
        }
        return count;
    }

    private static StoreIndex restore(ByteBuffer in) throws IOException {
        int streams = count(in, 4);
        long[] shared = new long[sharedPositions(in.duplicate(), streams)];
        StreamEntry[] entries = new StreamEntry[streams];
        int used = 0;
        for (int i = 0; i < streams; i++) {
            entries[i] = readEntry(in, shared, used);
            used += entries[i].count();
        }
        long events = in.getLong();
        if (events < 0 || events > in.remaining() / 8) {
            throw new IOException("the event count " + events + " is impossible");
        }
        PositionList positions = PositionList.readFrom(in.asLongBuffer(), (int) events);
        in.position(in.position() + (int) events * 8);
        StoreIndex index = new StoreIndex(EventIdIndex.readFrom(in), positions);
        for (StreamEntry entry : entries) {
            index.restore(entry);
        }
        return index;
    }

    private static void writeEntry(CheckpointWriter out, StreamEntry entry, long lastPosition) throws IOException {
        out.putBytes(entry.name().value().getBytes(StandardCharsets.UTF_8));
        long[] positions = entry.positionsUpTo(lastPosition);
        out.putInt(positions.length);
        out.putLongs(positions);
        StreamStatus status = entry.status();
        StreamMetadata metadata = status.metadata();
        out.putLong(metadata.maxCount().orElse(-1));
        out.putLong(metadata.maxAge().map(Duration::getSeconds).orElse(-1L));
        out.putInt(metadata.maxAge().map(Duration::getNano).orElse(0));
        out.putLong(metadata.truncateBefore().orElse(-1));
        out.putBytes(metadata.custom());
        out.putInt(status.deleted() ? 1 : 0);
        out.putLong(status.hiddenBefore());
        out.putInt(status.tombstoned() ? 1 : 0);
        out.putInt(status.lastWrite().isPresent() ? 1 : 0);
        out.putLong(status.lastWrite().map(Instant::getEpochSecond).orElse(0L));
        out.putInt(status.lastWrite().map(Instant::getNano).orElse(0));
    }

    /** The number of positions of all {@code streams} entries ahead in {@code in}, which it skips. */
    private static int sharedPositions(ByteBuffer in, int streams) throws IOException {
        long total = 0;
        for (int i = 0; i < streams; i++) {
            int name = count(in, 1); // read before in.position(), which the read moves
            in.position(in.position() + name);
            int positions = count(in, 8);
            in.position(in.position() + positions * 8 + ENTRY_FIXED);
            int custom = count(in, 1);
            in.position(in.position() + custom + ENTRY_TAIL);
            total += positions;
        }
        return (int) total; // each count was bounded by the file's size, and so is their sum
    }

    private static StreamEntry readEntry(ByteBuffer in, long[] shared, int from) throws IOException {
        StreamName name = new StreamName(new String(getBytes(in), StandardCharsets.UTF_8));
        int count = count(in, 8);
        in.asLongBuffer().get(shared, from, count);
        in.position(in.position() + count * 8);
        long maxCount = in.getLong();
        long maxAgeSeconds = in.getLong();
        int maxAgeNanos = in.getInt();
        long truncateBefore = in.getLong();
        byte[] custom = getBytes(in);
        StreamMetadata metadata = new StreamMetadata(
                maxCount < 0 ? OptionalLong.empty() : OptionalLong.of(maxCount),
                maxAgeSeconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(maxAgeSeconds, maxAgeNanos)),
                truncateBefore < 0 ? OptionalLong.empty() : OptionalLong.of(truncateBefore),
                custom);
        boolean deleted = in.getInt() == 1;
        long hiddenBefore = in.getLong();
        boolean tombstoned = in.getInt() == 1;
        boolean written = in.getInt() == 1;
        Instant lastWrite = Instant.ofEpochSecond(in.getLong(), in.getInt());
        StreamStatus status = new StreamStatus(
                metadata, deleted, hiddenBefore, tombstoned, written ? Optional.of(lastWrite) : Optional.empty());
        return new StreamEntry(name, shared, from, count, status);
    }

    private static byte[] getBytes(ByteBuffer in) throws IOException {
        byte[] bytes = new byte[count(in, 1)];
        in.get(bytes);
        return bytes;
    }
}
