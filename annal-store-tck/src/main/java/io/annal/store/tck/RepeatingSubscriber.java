package io.annal.store.tck;

import io.annal.store.EventFilter;
import io.annal.store.EventSubscriber;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionListener;
import io.annal.store.SubscriptionStart;
import java.util.Random;

/**
 * For tests of consumers: a subscriber that delivers every event one to three times (and some
 * checkpoints twice), as an at-least-once transport may, with the repeats drawn from {@code seed}.
 */
public final class RepeatingSubscriber implements EventSubscriber {

    private final EventSubscriber delegate;
    private final long seed;

    public RepeatingSubscriber(EventSubscriber delegate, long seed) {
        this.delegate = delegate;
        this.seed = seed;
    }

    @Override
    public Subscription subscribeToAll(SubscriptionStart start, EventFilter filter, SubscriptionListener listener) {
        return delegate.subscribeToAll(start, filter, repeating(listener, new Random(seed ^ start.hashCode())));
    }

    @Override
    public Subscription subscribeToStream(StreamName stream, SubscriptionStart start, SubscriptionListener listener) {
        return delegate.subscribeToStream(stream, start, repeating(listener, new Random(seed)));
    }

    private static SubscriptionListener repeating(SubscriptionListener listener, Random random) {
        return new SubscriptionListener() {
            @Override
            public void onEvent(RecordedEvent event) throws Exception {
                for (int i = 0, times = 1 + random.nextInt(3); i < times; i++) {
                    listener.onEvent(event);
                }
            }

            @Override
            public void onCaughtUp() {
                listener.onCaughtUp();
            }

            @Override
            public void onCheckpoint(Position position) {
                listener.onCheckpoint(position);
                if (random.nextBoolean()) {
                    listener.onCheckpoint(position);
                }
            }

            @Override
            public void onClosed(Throwable error) {
                listener.onClosed(error);
            }
        };
    }
}
