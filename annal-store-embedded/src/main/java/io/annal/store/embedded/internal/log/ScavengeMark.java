package io.annal.store.embedded.internal.log;

import io.annal.store.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.zip.CRC32C;

/**
 * The scavenge's decision, saved before any segment file is deleted: segments numbered below
 * {@code firstKept} are reclaimed. Open deletes any of them still present (a scavenge cut short)
 * and accepts a log starting at {@code firstKept}, while a gap it does not explain stays corruption.
 * Layout (big-endian, 24 bytes): magic "ANNALSCV" u64 | version u32 | first kept segment u64 |
 * CRC32C u32 of the bytes before.
 */
public final class ScavengeMark {

    public static final String FILE = "scavenge.mark";

    private static final long MAGIC = 0x414E4E414C534356L;
    private static final int VERSION = 1;
    private static final int SIZE = 24;

    private ScavengeMark() {}

    /** Writes the mark durably: temporary file, force, rename, force the directory. */
    public static void write(Path directory, long firstKept) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(SIZE);
        bytes.putLong(MAGIC).putInt(VERSION).putLong(firstKept);
        CRC32C crc = new CRC32C();
        crc.update(bytes.array(), 0, SIZE - 4);
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

    /** The first kept segment, or empty when no scavenge ever reclaimed one. */
    public static OptionalLong read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return OptionalLong.empty();
        }
        byte[] raw = Files.readAllBytes(file);
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        CRC32C crc = new CRC32C();
        crc.update(raw, 0, Math.max(0, raw.length - 4));
        if (raw.length != SIZE
                || bytes.getLong(0) != MAGIC
                || bytes.getInt(8) != VERSION
                || bytes.getInt(SIZE - 4) != (int) crc.getValue()) {
            throw new StorageException("the scavenge mark " + file + " is damaged, so the store cannot tell reclaimed"
                    + " segments from lost ones; restore it from a backup");
        }
        return OptionalLong.of(bytes.getLong(12));
    }
}
