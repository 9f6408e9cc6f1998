package io.annal.store.tck;

import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.SubscriptionListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records what a subscription delivers. It processes at most {@code limit} events and ignores the
 * rest, like a subscriber that stops before it could record its progress.
 */
final class RecordingListener implements SubscriptionListener {

    private final int limit;
    private final int failOnEvent;
    private final List<RecordedEvent> events = new ArrayList<>();
    // Events and checkpoints in arrival order, to check that progress never goes back.
    private final List<Long> progress = new ArrayList<>();
    private final AtomicInteger caughtUp = new AtomicInteger();
    private final AtomicInteger eventsAtFirstCatchUp = new AtomicInteger(-1);
    private final AtomicReference<Optional<Throwable>> closedWith = new AtomicReference<>();
    private volatile boolean allOnVirtualThreads = true;

    private RecordingListener(int limit, int failOnEvent) {
        this.limit = limit;
        this.failOnEvent = failOnEvent;
    }

    static RecordingListener recording() {
        return new RecordingListener(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    static RecordingListener processingOnly(int limit) {
        return new RecordingListener(limit, Integer.MAX_VALUE);
    }

    /** A listener that throws on its {@code n}-th event (counting from 1). */
    static RecordingListener failingOn(int n) {
        return new RecordingListener(Integer.MAX_VALUE, n);
    }

    @Override
    public synchronized void onEvent(RecordedEvent event) {
        allOnVirtualThreads &= Thread.currentThread().isVirtual();
        if (events.size() + 1 == failOnEvent) {
            throw new IllegalStateException("listener failed on purpose at " + event);
        }
        if (events.size() < limit) {
            events.add(event);
            progress.add(event.position().value());
        }
    }

    @Override
    public synchronized void onCheckpoint(Position position) {
        progress.add(position.value());
    }

    @Override
    public synchronized void onCaughtUp() {
        caughtUp.incrementAndGet();
        eventsAtFirstCatchUp.compareAndSet(-1, events.size());
    }

    @Override
    public void onClosed(Throwable error) {
        closedWith.compareAndSet(null, Optional.ofNullable(error));
    }

    synchronized List<RecordedEvent> events() {
        return List.copyOf(events);
    }

    synchronized int count() {
        return events.size();
    }

    synchronized List<Long> progress() {
        return List.copyOf(progress);
    }

    boolean calledOnVirtualThreadsOnly() {
        return allOnVirtualThreads;
    }

    int timesCaughtUp() {
        return caughtUp.get();
    }

    int eventsAtFirstCatchUp() {
        return eventsAtFirstCatchUp.get();
    }

    boolean isClosed() {
        return closedWith.get() != null;
    }

    /** Why the subscription ended: empty while open or when closed without error. */
    Optional<Throwable> closeError() {
        Optional<Throwable> error = closedWith.get();
        return error == null ? Optional.empty() : error;
    }
}
