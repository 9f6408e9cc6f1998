package io.annal.store.embedded.internal.log;

import io.annal.store.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.TreeSet;
import java.util.zip.CRC32C;

/**
 * The scavenges' decisions, saved before any segment file is deleted: which segment numbers are
 * reclaimed. Open deletes any of them still present (a scavenge cut short) and accepts their gaps in
 * the log, while a gap it does not explain stays corruption. Layout (big-endian): magic "ANNALSCV"
 * u64 | version u32 (2) | every segment below this number is reclaimed u64 | count u32 | count
 * reclaimed segment numbers above it u64 | CRC32C u32 of the bytes before. Version 1 (24 bytes)
 * held only the first number, all below it reclaimed.
 */
public final class ScavengeMark {

    public static final String FILE = "scavenge.mark";

    private static final long MAGIC = 0x414E4E414C534356L;
    private static final int VERSION = 2;
    private static final int V1_SIZE = 24;
    private static final int FIXED_SIZE = 8 + 4 + 8 + 4 + 4;

    private ScavengeMark() {}

    /** Reclaimed segments: every number below {@code below}, and the numbers in {@code above}. */
    public record Reclaimed(long below, TreeSet<Long> above) {

        public static Reclaimed none() {
            return new Reclaimed(0, new TreeSet<>());
        }

        public boolean isEmpty() {
            return below == 0 && above.isEmpty();
        }

        public boolean contains(long number) {
            return number < below || above.contains(number);
        }

        /** Whether every number from {@code from} up to {@code to}, exclusive, is reclaimed. */
        public boolean all(long from, long to) {
            for (long n = Math.max(from, below); n < to; n++) {
                if (!above.contains(n)) {
                    return false;
                }
            }
            return true;
        }

        /** These and {@code more}, the run from 0 folded into {@code below}. */
        public Reclaimed plus(Collection<Long> more) {
            TreeSet<Long> next = new TreeSet<>(above);
            next.addAll(more);
            long low = below;
            while (next.remove(low)) {
                low++;
            }
            next.headSet(low).clear();
            return new Reclaimed(low, next);
        }
    }

    /** Writes the mark durably: temporary file, force, rename, force the directory. */
    public static void write(Path directory, Reclaimed reclaimed) throws IOException {
        int size = FIXED_SIZE + 8 * reclaimed.above().size();
        ByteBuffer bytes = ByteBuffer.allocate(size);
        bytes.putLong(MAGIC)
                .putInt(VERSION)
                .putLong(reclaimed.below())
                .putInt(reclaimed.above().size());
        for (long number : reclaimed.above()) {
            bytes.putLong(number);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes.array(), 0, size - 4);
        bytes.putInt((int) crc.getValue()).flip();
        Path temporary = directory.resolve(FILE + LogFormat.TEMPORARY_SUFFIX);
        try (FileChannel out = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            while (bytes.hasRemaining()) {
                out.write(bytes, bytes.position());
            }
            out.force(true);
        }
        Files.move(temporary, directory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
        Segment.forceDirectory(directory);
    }

    /** The reclaimed segments; none when no scavenge ever reclaimed one. */
    public static Reclaimed read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return Reclaimed.none();
        }
        byte[] raw = Files.readAllBytes(file);
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        CRC32C crc = new CRC32C();
        crc.update(raw, 0, Math.max(0, raw.length - 4));
        boolean framed = raw.length >= V1_SIZE
                && bytes.getLong(0) == MAGIC
                && bytes.getInt(raw.length - 4) == (int) crc.getValue();
        if (framed && raw.length == V1_SIZE && bytes.getInt(8) == 1) {
            return new Reclaimed(bytes.getLong(12), new TreeSet<>());
        }
        if (!framed
                || raw.length < FIXED_SIZE
                || bytes.getInt(8) != VERSION
                || bytes.getInt(20) < 0
                || raw.length != FIXED_SIZE + 8L * bytes.getInt(20)) {
            throw new StorageException("the scavenge mark " + file + " is damaged, so the store cannot tell reclaimed"
                    + " segments from lost ones; restore it from a backup");
        }
        TreeSet<Long> above = new TreeSet<>();
        for (int i = 0; i < bytes.getInt(20); i++) {
            above.add(bytes.getLong(24 + 8 * i));
        }
        return new Reclaimed(bytes.getLong(12), above);
    }
}
