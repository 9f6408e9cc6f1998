package io.annal.store.memory;

import io.annal.store.AllSlice;
import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.InvalidRequestException;
import io.annal.store.Position;
import io.annal.store.StorageException;
import io.annal.store.StreamAppend;
import io.annal.store.StreamInfo;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamSlice;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionListener;
import io.annal.store.SubscriptionStart;
import io.annal.store.spi.AppendNotifier;
import io.annal.store.spi.CatchUpSubscription;
import java.time.Duration;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The reference event store: the rules of {@code docs/store-semantics.md} kept in memory, as plainly
 * as they can be written. Nothing survives the process.
 *
 * <p>Design: {@link StoreState} holds the events and applies the rules; this class checks the
 * shape of requests, runs every operation under one lock, so that each sees and leaves a
 * consistent state, and wakes subscriptions after changes. Subscriptions are the shared {@link
 * CatchUpSubscription} engine reading pages under the same lock. A {@link ReentrantLock} rather
 * than {@code synchronized}, because subscriptions read from virtual threads.
 */
public final class InMemoryEventStore implements EventStore {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final StoreState state = new StoreState();
    private final AppendNotifier notifier = new AppendNotifier();
    private final Set<CatchUpSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private boolean closed;

    private InMemoryEventStore(InstantSource clock) {
        this.clock = clock;
    }

    /** A store on the system clock. */
    public static InMemoryEventStore create() {
        return create(InstantSource.system());
    }

    /** A store whose {@code recordedAt} and {@code maxAge} come from {@code clock}. */
    public static InMemoryEventStore create(InstantSource clock) {
        return new InMemoryEventStore(clock);
    }

    @Override
    public AppendResult append(StreamName stream, ExpectedVersion expected, List<EventData> events) {
        return appendAtomically(List.of(StreamAppend.of(stream, expected, events)))
                .getFirst();
    }

    @Override
    public List<AppendResult> appendAtomically(List<StreamAppend> parts) {
        Requests.checkAppend(parts);
        List<AppendResult> results =
                whileOpen(() -> state.append(parts, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        notifier.notifyAppended();
        return results;
    }

    @Override
    public StreamSlice readStream(StreamName stream, long from, Direction direction, int maxCount) {
        Requests.checkRead(from, maxCount);
        return whileOpen(() -> state.readStream(stream, from, direction, maxCount, clock.instant()));
    }

    @Override
    public AllSlice readAll(Position from, Direction direction, int maxCount, EventFilter filter) {
        Requests.checkCount(maxCount);
        return whileOpen(() -> state.readAll(from, direction, maxCount, filter, clock.instant()));
    }

    @Override
    public Optional<Position> headPosition() {
        return whileOpen(state::headPosition);
    }

    @Override
    public Subscription subscribeToAll(SubscriptionStart start, EventFilter filter, SubscriptionListener listener) {
        long after = switch (start) {
            case SubscriptionStart.FromStart s -> -1L;
            case SubscriptionStart.After a -> a.point();
            case SubscriptionStart.FromEnd e ->
                whileOpen(state::headPosition).map(Position::value).orElse(-1L);
        };
        return register(CatchUpSubscription.startAll(
                (point, max) -> locked(() -> state.allPage(point, max, filter, clock.instant())),
                notifier,
                listener,
                after,
                !filter.selectsAll()));
    }

    @Override
    public Subscription subscribeToStream(StreamName stream, SubscriptionStart start, SubscriptionListener listener) {
        long after = switch (start) {
            case SubscriptionStart.FromStart s -> -1L;
            case SubscriptionStart.After a -> a.point();
            case SubscriptionStart.FromEnd e -> whileOpen(() -> state.lastVersion(stream));
        };
        return register(CatchUpSubscription.startStream(
                stream.value(),
                (point, max) -> locked(() -> state.streamPage(stream, point, max, clock.instant())),
                notifier,
                listener,
                after));
    }

    private Subscription register(CatchUpSubscription subscription) {
        subscriptions.removeIf(CatchUpSubscription::isClosed);
        subscriptions.add(subscription);
        return subscription;
    }

    @Override
    public void delete(StreamName stream, ExpectedVersion expected) {
        whileOpen(() -> {
            state.delete(stream, expected);
            return null;
        });
    }

    @Override
    public void tombstone(StreamName stream, ExpectedVersion expected) {
        whileOpen(() -> {
            state.tombstone(stream, expected);
            return null;
        });
        // Wakes the stream's subscriptions so that they end now rather than at their next poll.
        notifier.notifyAppended();
    }

    @Override
    public StreamMetadata metadata(StreamName stream) {
        return whileOpen(() -> state.metadata(stream));
    }

    @Override
    public void setMetadata(StreamName stream, StreamMetadata metadata) {
        whileOpen(() -> {
            state.setMetadata(stream, metadata);
            return null;
        });
    }

    @Override
    public Optional<StreamInfo> info(StreamName stream) {
        return whileOpen(() -> state.info(stream));
    }

    @Override
    public List<StreamInfo> listStreams(String prefix, Optional<StreamName> after, int limit) {
        if (limit < 1) {
            throw new InvalidRequestException("limit must be 1 or more (got " + limit + ")");
        }
        return whileOpen(() -> state.listStreams(prefix, after, limit));
    }

    /** Closes subscriptions first, so that they end with {@code onClosed(null)}, then refuses further calls. */
    @Override
    public void close() {
        subscriptions.forEach(CatchUpSubscription::close);
        notifier.wakeAll();
        try {
            for (CatchUpSubscription subscription : subscriptions) {
                subscription.awaitTermination(CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        locked(() -> closed = true);
    }

    private <T> T whileOpen(Supplier<T> action) {
        return locked(() -> {
            if (closed) {
                throw new StorageException("the store is closed; create a new one");
            }
            return action.get();
        });
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
