package io.annal.projection;

import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.SubscriptionListener;
import java.util.concurrent.BlockingQueue;

/**
 * Hands a subscription's deliveries to a runner's worker through a bounded queue: the
 * subscription blocks when the worker is behind, and then reads from storage instead of buffering.
 */
final class Feed implements SubscriptionListener {

    /** What the worker takes from the queue. */
    sealed interface Item {}

    record Delivered(RecordedEvent event) implements Item {}

    /** The subscription looked as far as {@code position} and found nothing more to deliver. */
    record Progress(Position position) implements Item {}

    private final BlockingQueue<Item> queue;
    private volatile Throwable failure;

    Feed(BlockingQueue<Item> queue) {
        this.queue = queue;
    }

    @Override
    public void onEvent(RecordedEvent event) throws InterruptedException {
        queue.put(new Delivered(event));
    }

    @Override
    public void onCheckpoint(Position position) {
        try {
            queue.put(new Progress(position));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onClosed(Throwable error) {
        if (error != null) {
            failure = error;
        }
    }

    /** Why the subscription ended on its own, if it did. */
    Throwable failure() {
        return failure;
    }
}
