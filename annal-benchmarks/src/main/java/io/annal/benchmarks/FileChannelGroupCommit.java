package io.annal.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The baseline the embedded store is measured against: the least a durable group-commit log can
 * do. One thread drains a queue of records, writes them to a preallocated file with one write and
 * one {@code force} per batch, then completes the callers. No framing, no checksums, no indexes.
 */
final class FileChannelGroupCommit implements AutoCloseable {

    private static final long PREALLOCATE = 1L << 30;

    private final FileChannel channel;
    private final boolean fsync;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;
    private long offset;

    private record Pending(byte[] record, CompletableFuture<Long> done) {}

    FileChannelGroupCommit(Path file, boolean fsync) throws IOException {
        this.channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.fsync = fsync;
        channel.write(ByteBuffer.wrap(new byte[1]), PREALLOCATE - 1);
        channel.force(true);
        this.writer = Thread.ofPlatform().name("baseline-writer").start(this::run);
    }

    /** Appends one record and returns its offset once it is durable. */
    long append(byte[] record) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        queue.put(new Pending(record, done));
        return done.get();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocateDirect(8 << 20);
        try {
            while (!closed) {
                batch.add(queue.take());
                queue.drainTo(batch);
                buffer.clear();
                for (Pending p : batch) {
                    if (buffer.remaining() < p.record.length) {
                        flush(buffer);
                    }
                    buffer.put(p.record);
                }
                flush(buffer);
                if (fsync) {
                    channel.force(false);
                }
                long at = offset;
                for (Pending p : batch) {
                    p.done.complete(at);
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            batch.forEach(p -> p.done.completeExceptionally(e));
        }
    }

    private void flush(ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            offset += channel.write(buffer, offset);
        }
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        writer.interrupt();
        channel.close();
    }
}
