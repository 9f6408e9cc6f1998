package io.annal.store.spi;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes subscriptions when new events become readable. It carries no events, only a counter of
 * "something changed", so it costs the appender one lock and a signal per batch, and a subscriber
 * that is busy elsewhere misses nothing: it reads from storage what it has not seen.
 */
public final class AppendNotifier {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long generation;

    /** Called by the backend after new events became visible to readers. */
    public void notifyAppended() {
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The current generation; pass it to {@link #awaitChange} after reading. */
    public long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the generation moves past {@code seen}, or {@code timeout} passes.
     *
     * @return whether it moved
     */
    public boolean awaitChange(long seen, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (generation == seen) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter without a change, so that closing subscriptions notice promptly. */
    public void wakeAll() {
        notifyAppended();
    }
}
