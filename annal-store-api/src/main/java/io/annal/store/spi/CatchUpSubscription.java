package io.annal.store.spi;

import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionListener;
import java.time.Duration;
import java.util.function.ToLongFunction;

/**
 * The subscription engine every backend shares.
 *
 * <p>Design: a subscription is a loop on its own virtual thread that reads pages from storage
 * after the last point it delivered, hands them to the listener one event at a time, and, once a
 * read finds nothing new, waits on the backend's {@link AppendNotifier}. Catch-up and live are the
 * same code path, so there is no switch-over where events could be skipped or repeated, and
 * memory is bounded by one page whatever the listener's speed. The wait has a timeout so that a
 * lost wake-up only delays, never stalls, delivery.
 *
 * <p>Thread safety: the loop runs on one thread; {@link #close()} may be called from any thread.
 */
public final class CatchUpSubscription implements Subscription {

    /** Events read per page. */
    public static final int PAGE_SIZE = 512;

    private static final Duration POLL_FALLBACK = Duration.ofMillis(500);

    private final PageSource source;
    private final AppendNotifier notifier;
    private final SubscriptionListener listener;
    private final ToLongFunction<RecordedEvent> pointOf;
    private final boolean reportsCheckpoints;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean caughtUp;
    private long lastPoint;

    private CatchUpSubscription(
            String name,
            PageSource source,
            AppendNotifier notifier,
            SubscriptionListener listener,
            long startAfter,
            ToLongFunction<RecordedEvent> pointOf,
            boolean reportsCheckpoints) {
        this.source = source;
        this.notifier = notifier;
        this.listener = listener;
        this.lastPoint = startAfter;
        this.pointOf = pointOf;
        this.reportsCheckpoints = reportsCheckpoints;
        this.thread = Thread.ofVirtual().name(name).unstarted(this::run);
    }

    /**
     * Starts a subscription to {@code $all} after {@code startAfter} (-1 for the start), with
     * checkpoints reported when {@code filtered}.
     */
    public static CatchUpSubscription startAll(
            PageSource source,
            AppendNotifier notifier,
            SubscriptionListener listener,
            long startAfter,
            boolean filtered) {
        CatchUpSubscription s = new CatchUpSubscription(
                "annal-subscription-$all",
                source,
                notifier,
                listener,
                startAfter,
                e -> e.position().value(),
                filtered);
        s.thread.start();
        return s;
    }

    /** Starts a subscription to one stream after version {@code startAfter} (-1 for the start). */
    public static CatchUpSubscription startStream(
            String stream, PageSource source, AppendNotifier notifier, SubscriptionListener listener, long startAfter) {
        CatchUpSubscription s = new CatchUpSubscription(
                "annal-subscription-" + stream, source, notifier, listener, startAfter, RecordedEvent::version, false);
        s.thread.start();
        return s;
    }

    private void run() {
        Throwable failure = null;
        try {
            while (!closed) {
                long generation = notifier.generation();
                PageSource.Page page = source.next(lastPoint, PAGE_SIZE);
                for (RecordedEvent event : page.events()) {
                    if (closed) {
                        return;
                    }
                    listener.onEvent(event);
                    lastPoint = pointOf.applyAsLong(event);
                }
                if (reportsCheckpoints && page.scannedTo() > lastPoint && !closed) {
                    lastPoint = page.scannedTo();
                    listener.onCheckpoint(Position.of(lastPoint));
                }
                if (page.endReached()) {
                    if (!caughtUp) {
                        caughtUp = true;
                        listener.onCaughtUp();
                    }
                    notifier.awaitChange(generation, POLL_FALLBACK);
                } else {
                    caughtUp = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
        } finally {
            closed = true;
            caughtUp = false;
            listener.onClosed(failure);
        }
    }

    @Override
    public boolean isCaughtUp() {
        return caughtUp && !closed;
    }

    @Override
    public boolean isClosed() {
        return closed && !thread.isAlive();
    }

    @Override
    public void close() {
        closed = true;
        if (Thread.currentThread() != thread) {
            thread.interrupt();
        }
    }

    /** Waits for the subscription's thread to end, for orderly shutdown. */
    public void awaitTermination(Duration timeout) throws InterruptedException {
        thread.join(timeout);
    }
}
