package io.annal.command;

import io.annal.store.StreamName;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Commands on one stream take turns within a handler instead of racing for the same version: the
 * loser of such a race waited for the winner's write to become readable and could lose again to
 * the next command, so a hot stream answered conflicts however many retries were allowed. Streams
 * share a lock only when their hashes meet in the stripes, which costs a short wait, never a
 * conflict. Locks, not monitors, so that waiting virtual threads release their carriers.
 */
final class StreamTurns {

    private static final int STRIPES = 1024; // a power of two

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    StreamTurns() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    <T> T inTurn(StreamName stream, Supplier<T> work) {
        int h = stream.hashCode();
        ReentrantLock lock = locks[(h ^ (h >>> 16)) & (STRIPES - 1)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
