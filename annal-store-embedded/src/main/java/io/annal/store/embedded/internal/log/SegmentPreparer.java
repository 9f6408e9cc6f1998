package io.annal.store.embedded.internal.log;

import static io.annal.store.embedded.internal.log.LogFormat.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Zero-fills segment files ahead of need, on a background thread, under a temporary name. Writing
 * every block once up front means that later forces flush only data: forcing a write into a sparse
 * file also has to commit the file system's block allocation, which costs about as much again.
 *
 * <p>Thread safety: called by one thread (the appender); the fill runs on its own virtual thread.
 */
final class SegmentPreparer {

    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 20);

    private final Path directory;
    private long preparing = -1;
    private CompletableFuture<Path> next;

    SegmentPreparer(Path directory) {
        this.directory = directory;
    }

    /** Starts filling segment {@code number} in the background unless it already is. */
    void prepare(long number, long capacity) {
        if (preparing == number) {
            return;
        }
        preparing = number;
        CompletableFuture<Path> filled = new CompletableFuture<>();
        next = filled;
        Thread.ofVirtual().name("annal-segment-preparer").start(() -> {
            try {
                filled.complete(fill(directory, number, capacity));
            } catch (IOException | RuntimeException e) {
                filled.completeExceptionally(e);
            }
        });
    }

    /** The zero-filled temporary file for segment {@code number}, waiting for it or filling it now. */
    Path take(long number, long capacity) throws IOException {
        if (preparing != number) {
            return fill(directory, number, capacity);
        }
        preparing = -1;
        try {
            return next.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Waits for a fill in progress and removes its file. */
    void close() throws IOException {
        if (preparing >= 0) {
            try {
                Files.deleteIfExists(next.join());
            } catch (CompletionException | UncheckedIOException e) {
                // nothing to clean up: the fill failed
            }
            preparing = -1;
        }
    }

    static Path fill(Path directory, long number, long capacity) throws IOException {
        Path temporary = directory.resolve(segmentFileName(number) + TEMPORARY_SUFFIX);
        try (FileChannel out = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (long at = 0; at < capacity; ) {
                ByteBuffer zeros = ZEROS.duplicate().limit((int) Math.min(ZEROS.capacity(), capacity - at));
                at += out.write(zeros, at);
                if (at % BACKGROUND_FORCE_BYTES == 0 && at < capacity) {
                    out.force(false);
                }
            }
            out.force(true);
        }
        return temporary;
    }
}
