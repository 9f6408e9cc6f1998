package io.annal.store.embedded.internal.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** The write side of one segment file: positional writes and force. Reads go through a memory map. */
public interface SegmentChannel extends AutoCloseable {

    /** Writes all of {@code bytes} at file offset {@code offset}. */
    void write(ByteBuffer bytes, long offset) throws IOException;

    /** Makes every write so far durable (data only, like fdatasync). */
    void force() throws IOException;

    @Override
    void close() throws IOException;

    static SegmentChannel of(FileChannel channel) {
        return new SegmentChannel() {
            @Override
            public void write(ByteBuffer bytes, long offset) throws IOException {
                long at = offset;
                while (bytes.hasRemaining()) {
                    at += channel.write(bytes, at);
                }
            }

            @Override
            public void force() throws IOException {
                channel.force(false);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
