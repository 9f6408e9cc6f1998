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
import io.annal.store.RecordedEvent;
import io.annal.store.StorageException;
import io.annal.store.StreamAppend;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamInfo;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.StreamSlice;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionListener;
import io.annal.store.SubscriptionStart;
import io.annal.store.WrongExpectedVersionException;
import io.annal.store.spi.AppendNotifier;
import io.annal.store.spi.CatchUpSubscription;
import io.annal.store.spi.PageSource;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The reference event store: the rules of {@code docs/store-semantics.md} kept in memory, as plainly
 * as they can be written. Nothing survives the process.
 *
 * <p>Design: one global log (a position is an index into it) and one record per stream. A single
 * lock guards both, so every operation sees and leaves a consistent state; subscriptions read
 * pages under the same lock through the shared {@link CatchUpSubscription} engine.
 */
public final class InMemoryEventStore implements EventStore {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<RecordedEvent> log = new ArrayList<>();
    private final TreeMap<StreamName, StreamRecord> streams = new TreeMap<>();
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
        List<AppendResult> results = locked(() -> {
            ensureOpen();
            // Check every part before writing any, so that a failure leaves the store untouched.
            List<Optional<AppendResult>> retries =
                    parts.stream().map(this::check).toList();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<AppendResult> written = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                StreamAppend part = parts.get(i);
                written.add(retries.get(i).orElseGet(() -> write(part, now)));
            }
            return written;
        });
        notifier.notifyAppended();
        return results;
    }

    /** The original result when the part is a retry, empty when it is to be written; throws when it must not be. */
    private Optional<AppendResult> check(StreamAppend part) {
        StreamRecord stream = streams.getOrDefault(part.stream(), new StreamRecord(part.stream()));
        if (stream.isTombstoned()) {
            throw new StreamDeletedException(part.stream());
        }
        Optional<AppendResult> retry = stream.retryOf(part.events());
        if (retry.isEmpty()) {
            expect(part.stream(), stream, part.expectedVersion());
        }
        return retry;
    }

    private AppendResult write(StreamAppend part, Instant now) {
        StreamRecord stream = streams.computeIfAbsent(part.stream(), StreamRecord::new);
        long firstVersion = stream.nextVersion();
        long firstPosition = log.size();
        for (EventData data : part.events()) {
            RecordedEvent event = new RecordedEvent(
                    part.stream(),
                    stream.nextVersion(),
                    Position.of(log.size()),
                    data.id(),
                    data.type(),
                    data.data(),
                    data.metadata(),
                    now);
            log.add(event);
            stream.add(event);
        }
        return new AppendResult(
                part.stream(),
                firstVersion,
                stream.nextVersion() - 1,
                Position.of(firstPosition),
                Position.of(log.size() - 1L),
                false);
    }

    private static void expect(StreamName name, StreamRecord stream, ExpectedVersion expected) {
        if (!expected.isMetBy(stream.current(), stream.lastWritten())) {
            throw new WrongExpectedVersionException(name, expected, stream.current());
        }
    }

    @Override
    public StreamSlice readStream(StreamName name, long from, Direction direction, int maxCount) {
        Requests.checkRead(from, maxCount);
        return locked(() -> {
            ensureOpen();
            StreamRecord stream = readable(name);
            List<RecordedEvent> live = stream.liveEvents(clock.instant());
            List<RecordedEvent> matching = direction == Direction.FORWARD
                    ? live.stream().filter(e -> e.version() >= from).toList()
                    : live.reversed().stream().filter(e -> e.version() <= from).toList();
            List<RecordedEvent> page = matching.subList(0, Math.min(maxCount, matching.size()));
            OptionalLong next = matching.size() > page.size()
                    ? OptionalLong.of(page.getLast().version() + (direction == Direction.FORWARD ? 1 : -1))
                    : OptionalLong.empty();
            return new StreamSlice(name, page, stream.lastWritten().orElseThrow(), next);
        });
    }

    private StreamRecord readable(StreamName name) {
        StreamRecord stream = streams.get(name);
        if (stream != null && stream.isTombstoned()) {
            throw new StreamDeletedException(name);
        }
        if (stream == null || !stream.isLive()) {
            throw new StreamNotFoundException(name);
        }
        return stream;
    }

    @Override
    public AllSlice readAll(Position from, Direction direction, int maxCount, EventFilter filter) {
        Requests.checkCount(maxCount);
        return locked(() -> {
            ensureOpen();
            Instant now = clock.instant();
            boolean forward = direction == Direction.FORWARD;
            int step = forward ? 1 : -1;
            long start = forward ? from.value() : Math.min(from.value(), log.size() - 1L);
            List<RecordedEvent> page = new ArrayList<>();
            for (long i = start; i >= 0 && i < log.size(); i += step) {
                RecordedEvent event = log.get((int) i);
                if (isVisible(event, filter, now)) {
                    if (page.size() == maxCount) {
                        return new AllSlice(
                                page,
                                Optional.of(
                                        Position.of(page.getLast().position().value() + step)));
                    }
                    page.add(event);
                }
            }
            return new AllSlice(page, Optional.empty());
        });
    }

    private boolean isVisible(RecordedEvent event, EventFilter filter, Instant now) {
        return filter.matches(event) && streams.get(event.stream()).isLive(event, now);
    }

    @Override
    public Optional<Position> headPosition() {
        return locked(() ->
                log.isEmpty() ? Optional.empty() : Optional.of(log.getLast().position()));
    }

    @Override
    public Subscription subscribeToAll(SubscriptionStart start, EventFilter filter, SubscriptionListener listener) {
        long after = locked(() -> switch (start) {
            case SubscriptionStart.FromStart s -> -1L;
            case SubscriptionStart.After a -> a.point();
            case SubscriptionStart.FromEnd e -> log.size() - 1L;
        });
        return register(CatchUpSubscription.startAll(
                (point, max) -> locked(() -> allPage(point, max, filter)),
                notifier,
                listener,
                after,
                !filter.selectsAll()));
    }

    private PageSource.Page allPage(long after, int maxCount, EventFilter filter) {
        Instant now = clock.instant();
        List<RecordedEvent> events = new ArrayList<>();
        long scannedTo = after;
        long i = after + 1;
        for (; i < log.size() && events.size() < maxCount; i++) {
            RecordedEvent event = log.get((int) i);
            scannedTo = i;
            if (isVisible(event, filter, now)) {
                events.add(event);
            }
        }
        return new PageSource.Page(events, scannedTo, i >= log.size());
    }

    @Override
    public Subscription subscribeToStream(StreamName name, SubscriptionStart start, SubscriptionListener listener) {
        long after = locked(() -> switch (start) {
            case SubscriptionStart.FromStart s -> -1L;
            case SubscriptionStart.After a -> a.point();
            case SubscriptionStart.FromEnd e ->
                Optional.ofNullable(streams.get(name))
                        .flatMap(StreamRecord::lastWritten)
                        .orElse(-1L);
        });
        return register(CatchUpSubscription.startStream(
                name.value(), (point, max) -> locked(() -> streamPage(name, point, max)), notifier, listener, after));
    }

    private PageSource.Page streamPage(StreamName name, long after, int maxCount) {
        StreamRecord stream = streams.get(name);
        if (stream == null) {
            return new PageSource.Page(List.of(), after, true);
        }
        if (stream.isTombstoned()) {
            throw new StreamDeletedException(name);
        }
        List<RecordedEvent> later = stream.liveEvents(clock.instant()).stream()
                .filter(e -> e.version() > after)
                .toList();
        List<RecordedEvent> page = later.subList(0, Math.min(maxCount, later.size()));
        long scannedTo = page.isEmpty() ? after : page.getLast().version();
        return new PageSource.Page(page, scannedTo, page.size() == later.size());
    }

    private Subscription register(CatchUpSubscription subscription) {
        subscriptions.removeIf(CatchUpSubscription::isClosed);
        subscriptions.add(subscription);
        return subscription;
    }

    @Override
    public void delete(StreamName name, ExpectedVersion expected) {
        locked(() -> {
            ensureOpen();
            StreamRecord stream = readable(name);
            expect(name, stream, expected);
            stream.softDelete();
            return null;
        });
        notifier.notifyAppended();
    }

    @Override
    public void tombstone(StreamName name, ExpectedVersion expected) {
        locked(() -> {
            ensureOpen();
            StreamRecord stream = streams.getOrDefault(name, new StreamRecord(name));
            if (stream.isTombstoned()) {
                throw new StreamDeletedException(name);
            }
            expect(name, stream, expected);
            streams.computeIfAbsent(name, StreamRecord::new).tombstone();
            return null;
        });
        // Wakes stream subscriptions so that they end now rather than at their next poll.
        notifier.notifyAppended();
    }

    @Override
    public StreamMetadata metadata(StreamName name) {
        return locked(() -> {
            ensureOpen();
            StreamRecord stream = streams.get(name);
            if (stream == null) {
                return StreamMetadata.none();
            }
            if (stream.isTombstoned()) {
                throw new StreamDeletedException(name);
            }
            return stream.metadata();
        });
    }

    @Override
    public void setMetadata(StreamName name, StreamMetadata metadata) {
        locked(() -> {
            ensureOpen();
            StreamRecord stream = streams.computeIfAbsent(name, StreamRecord::new);
            if (stream.isTombstoned()) {
                throw new StreamDeletedException(name);
            }
            stream.setMetadata(metadata);
            return null;
        });
        notifier.notifyAppended();
    }

    @Override
    public Optional<StreamInfo> info(StreamName name) {
        return locked(() -> {
            ensureOpen();
            return Optional.ofNullable(streams.get(name))
                    .filter(StreamRecord::isKnown)
                    .map(StreamRecord::info);
        });
    }

    @Override
    public List<StreamInfo> listStreams(String prefix, Optional<StreamName> after, int limit) {
        if (limit < 1) {
            throw new InvalidRequestException("limit must be 1 or more (got " + limit + ")");
        }
        return locked(() -> {
            ensureOpen();
            var candidates = after.isPresent() ? streams.tailMap(after.get(), false) : streams;
            return candidates.values().stream()
                    .filter(StreamRecord::isKnown)
                    .map(StreamRecord::info)
                    .filter(info -> info.stream().startsWith(prefix))
                    .limit(limit)
                    .toList();
        });
    }

    @Override
    public void close() {
        for (CatchUpSubscription subscription : subscriptions) {
            subscription.close();
        }
        notifier.wakeAll();
        for (CatchUpSubscription subscription : subscriptions) {
            try {
                subscription.awaitTermination(CLOSE_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        locked(() -> closed = true);
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException("the store is closed; open a new one");
        }
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
