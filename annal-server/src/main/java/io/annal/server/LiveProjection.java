package io.annal.server;

import io.annal.store.EventFilter;
import io.annal.store.EventStore;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionListener;
import io.annal.store.SubscriptionStart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps an in-process read model up to date from a subscription to every stream, and tracks the
 * position it reflects so that queries can wait for their own writes.
 *
 * <p>An event the model cannot apply is kept as a dead letter and skipped, so that one bad event
 * does not stop the model; an operator retries or skips it. Thread safety: the subscription
 * applies events on its own thread; position waits use this object's monitor.
 */
final class LiveProjection implements AutoCloseable {

    /** Applies events to the model's state; {@link #reset} empties it for a rebuild. */
    interface Model {
        void apply(RecordedEvent event);

        void reset();
    }

    /** An event the model failed to apply. */
    record DeadLetter(String id, String projection, RecordedEvent event, String error) {}

    private final String name;
    private final EventStore store;
    private final EventFilter filter;
    private final Model model;
    private final Map<String, DeadLetter> deadLetters = new ConcurrentHashMap<>();
    private final AtomicLong errors = new AtomicLong();
    private final Object positionLock = new Object();
    private volatile long position = -1;
    private volatile Instant lastEventAt = Instant.EPOCH;
    private volatile String status = "stopped";
    private Subscription subscription;

    LiveProjection(String name, EventStore store, EventFilter filter, Model model) {
        this.name = name;
        this.store = store;
        this.filter = filter;
        this.model = model;
    }

    String name() {
        return name;
    }

    synchronized void start() {
        if (subscription != null) {
            return;
        }
        SubscriptionStart start = position < 0 ? SubscriptionStart.fromStart() : SubscriptionStart.after(position);
        status = "running";
        subscription = store.subscribeToAll(start, filter, new SubscriptionListener() {
            @Override
            public void onEvent(RecordedEvent event) {
                try {
                    model.apply(event);
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    String id = name + "-" + event.position().value();
                    deadLetters.put(id, new DeadLetter(id, name, event, String.valueOf(e.getMessage())));
                }
                lastEventAt = event.recordedAt();
                advance(event.position().value());
            }

            @Override
            public void onCheckpoint(Position reached) {
                advance(reached.value());
            }

            @Override
            public void onClosed(Throwable error) {
                if (error != null) {
                    errors.incrementAndGet();
                    status = "failed";
                }
            }
        });
    }

    synchronized void pause() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        status = "paused";
    }

    synchronized void resume() {
        start();
    }

    synchronized void rebuild() {
        pause();
        model.reset();
        synchronized (positionLock) {
            position = -1;
        }
        start();
    }

    private void advance(long reached) {
        synchronized (positionLock) {
            if (reached > position) {
                position = reached;
                positionLock.notifyAll();
            }
        }
    }

    long position() {
        return position;
    }

    boolean awaitPosition(long wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (positionLock) {
            while (position < wanted) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                positionLock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    String status() {
        return status;
    }

    long errors() {
        return errors.get();
    }

    /** Events behind the store's head, counted in positions (a backend may leave gaps). */
    long lagEvents() {
        long head = store.headPosition().map(Position::value).orElse(-1L);
        return Math.max(0, head - position);
    }

    long lagMillis() {
        return lagEvents() == 0 ? 0 : Math.max(0, Instant.now().toEpochMilli() - lastEventAt.toEpochMilli());
    }

    List<DeadLetter> deadLetters() {
        return deadLetters.values().stream()
                .sorted(java.util.Comparator.comparing(d -> d.event().position()))
                .toList();
    }

    /** Applies the dead letter again (retry) or drops it (skip); empty when unknown. */
    Optional<DeadLetter> resolve(String id, boolean retry) {
        DeadLetter letter = deadLetters.remove(id);
        if (letter == null) {
            return Optional.empty();
        }
        if (retry) {
            try {
                model.apply(letter.event());
            } catch (RuntimeException e) {
                DeadLetter again = new DeadLetter(id, name, letter.event(), String.valueOf(e.getMessage()));
                deadLetters.put(id, again);
                return Optional.of(again);
            }
        }
        return Optional.of(letter);
    }

    @Override
    public void close() {
        pause();
        status = "stopped";
    }
}
