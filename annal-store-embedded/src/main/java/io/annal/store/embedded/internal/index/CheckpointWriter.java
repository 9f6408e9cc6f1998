package io.annal.store.embedded.internal.index;

import io.annal.store.embedded.internal.log.LogFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Writes a checkpoint through one large buffer, with a running CRC32C appended by {@link #finish},
 * forcing as it goes so that the appender's forces never queue behind the whole file.
 */
final class CheckpointWriter {

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    private final CRC32C crc = new CRC32C();
    private long unforced;

    CheckpointWriter(FileChannel channel) {
        this.channel = channel;
    }

    void putLong(long value) throws IOException {
        room(8).putLong(value);
    }

    void putInt(int value) throws IOException {
        room(4).putInt(value);
    }

    void putLongs(long[] values) throws IOException {
        putLongs(values, 0, values.length);
    }

    /** Puts {@code count} longs from {@code values[from]} in bulk. */
    void putLongs(long[] values, int from, int count) throws IOException {
        for (int at = from; at < from + count; ) {
            int chunk = Math.min(from + count - at, room(8).remaining() / 8);
            buffer.asLongBuffer().put(values, at, chunk);
            buffer.position(buffer.position() + chunk * 8);
            at += chunk;
        }
    }

    void putBytes(byte[] bytes) throws IOException {
        putInt(bytes.length);
        for (int at = 0; at < bytes.length; ) {
            int chunk = Math.min(bytes.length - at, room(1).remaining());
            buffer.put(bytes, at, chunk);
            at += chunk;
        }
    }

    /** Writes what is buffered and the CRC32C of everything written. */
    void finish() throws IOException {
        flush();
        buffer.putInt((int) crc.getValue());
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private ByteBuffer room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
        return buffer;
    }

    private void flush() throws IOException {
        buffer.flip();
        crc.update(buffer.duplicate());
        unforced += buffer.remaining();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
        if (unforced >= LogFormat.BACKGROUND_FORCE_BYTES) {
            channel.force(false);
            unforced = 0;
        }
    }
}
