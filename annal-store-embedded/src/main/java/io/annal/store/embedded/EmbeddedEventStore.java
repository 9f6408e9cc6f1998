package io.annal.store.embedded;

import io.annal.store.AllSlice;
import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.StorageException;
import io.annal.store.StreamAppend;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamInfo;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamSlice;
import io.annal.store.StreamState;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionListener;
import io.annal.store.SubscriptionStart;
import io.annal.store.embedded.internal.index.IndexCheckpoint;
import io.annal.store.embedded.internal.index.StoreIndex;
import io.annal.store.embedded.internal.index.StreamEntry;
import io.annal.store.embedded.internal.log.DirectoryLock;
import io.annal.store.embedded.internal.log.Log;
import io.annal.store.embedded.internal.log.LogWriter;
import io.annal.store.embedded.internal.recovery.LogRecovery;
import io.annal.store.spi.AppendNotifier;
import io.annal.store.spi.CatchUpSubscription;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Annal's durable embedded event store: a segmented append-only log on local disk with in-memory
 * indexes rebuilt on open. {@link #open} recovers the log (cutting off a torn tail, refusing to open
 * on corruption); every append is durable before it returns (see {@link Durability}).
 */
public final class EmbeddedEventStore implements EventStore {

    private final EmbeddedStoreConfig config;
    private final DirectoryLock lock;
    private final Log log;
    private final StoreIndex index;
    private final LogWriter writer;
    private final Appender appender;
    private final Checkpoints checkpoints;
    private final AppendNotifier notifier = new AppendNotifier();
    private final StreamReads streamReads;
    private final AllReads allReads;
    private final Scavenger scavenger;
    private final Set<CatchUpSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private EmbeddedEventStore(EmbeddedStoreConfig config, DirectoryLock lock, LogRecovery.Recovered recovered) {
        this.config = config;
        this.lock = lock;
        this.log = recovered.log();
        this.index = recovered.index();
        this.writer = new LogWriter(
                config.directory(),
                recovered.log(),
                recovered.dataEndOffset(),
                config.segmentSize(),
                config.durability() == Durability.FSYNC,
                config.faults());
        BatchBuilder builder = new BatchBuilder(index, log, writer, config.clock());
        this.checkpoints =
                new Checkpoints(config.directory(), index, recovered.log(), config.faults(), config.checkpointBytes());
        this.appender = new Appender(writer, builder, notifier, checkpoints);
        this.streamReads = new StreamReads(index, recovered.log(), config.clock());
        this.allReads = new AllReads(index, recovered.log(), config.clock());
        this.scavenger =
                new Scavenger(config.directory(), index, recovered.log(), checkpoints, config.clock(), config.faults());
    }

    /**
     * Opens (or creates) the store in the configured directory.
     *
     * @throws StorageException the log cannot be read, or is corrupt (the message names the segment
     *     file and offset)
     */
    public static EmbeddedEventStore open(EmbeddedStoreConfig config) {
        DirectoryLock lock = null;
        try {
            Files.createDirectories(config.directory());
            lock = DirectoryLock.acquire(config.directory());
            LogRecovery.Recovered recovered =
                    LogRecovery.open(config.directory(), config.segmentSize(), config.faults());
            EmbeddedEventStore store = new EmbeddedEventStore(config, lock, recovered);
            store.appender.start();
            return store;
        } catch (IOException | RuntimeException e) {
            release(lock);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StorageException("cannot open the event store in " + config.directory() + ": " + e, e);
        }
    }

    private static void release(DirectoryLock lock) {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException ignored) {
                // the process is giving up on this directory anyway
            }
        }
    }

    @Override
    public AppendResult append(StreamName stream, ExpectedVersion expected, List<EventData> events) {
        StreamAppend part = new StreamAppend(stream, expected, events);
        RequestChecks.check(List.of(part));
        return results(new WriteRequest.Append(List.of(part), new CompletableFuture<>()))
                .get(0);
    }

    @Override
    public List<AppendResult> appendAtomically(List<StreamAppend> appends) {
        RequestChecks.check(appends);
        return results(new WriteRequest.Append(List.copyOf(appends), new CompletableFuture<>()));
    }

    @SuppressWarnings("unchecked")
    private List<AppendResult> results(WriteRequest.Append request) {
        return (List<AppendResult>) appender.submit(request);
    }

    @Override
    public StreamSlice readStream(StreamName stream, long from, Direction direction, int maxCount) {
        return streamReads.read(stream, from, direction, maxCount);
    }

    @Override
    public AllSlice readAll(Position from, Direction direction, int maxCount, EventFilter filter) {
        return allReads.read(from, direction, maxCount, filter);
    }

    @Override
    public Optional<Position> headPosition() {
        return allReads.head();
    }

    @Override
    public Subscription subscribeToAll(SubscriptionStart start, EventFilter filter, SubscriptionListener listener) {
        long after = switch (start) {
            case SubscriptionStart.FromStart s -> -1;
            case SubscriptionStart.After a -> a.point();
            case SubscriptionStart.FromEnd e ->
                headPosition().map(Position::value).orElse(-1L);
        };
        return track(
                CatchUpSubscription.startAll(allReads.pages(filter), notifier, listener, after, !filter.selectsAll()));
    }

    @Override
    public Subscription subscribeToStream(StreamName stream, SubscriptionStart start, SubscriptionListener listener) {
        long after = switch (start) {
            case SubscriptionStart.FromStart s -> -1;
            case SubscriptionStart.After a -> a.point();
            case SubscriptionStart.FromEnd e -> {
                StreamEntry entry = index.find(stream);
                yield entry == null ? -1 : entry.count() - 1L;
            }
        };
        return track(
                CatchUpSubscription.startStream(stream.value(), streamReads.pages(stream), notifier, listener, after));
    }

    private Subscription track(CatchUpSubscription subscription) {
        subscriptions.add(subscription);
        if (closed) {
            subscription.close();
        }
        return subscription;
    }

    @Override
    public void delete(StreamName stream, ExpectedVersion expected) {
        appender.submit(new WriteRequest.Delete(stream, expected, new CompletableFuture<>()));
    }

    @Override
    public void tombstone(StreamName stream, ExpectedVersion expected) {
        appender.submit(new WriteRequest.Tombstone(stream, expected, new CompletableFuture<>()));
    }

    @Override
    public StreamMetadata metadata(StreamName stream) {
        StreamEntry entry = index.find(stream);
        if (entry == null) {
            return StreamMetadata.none();
        }
        if (entry.status().tombstoned()) {
            throw new StreamDeletedException(stream);
        }
        return entry.status().metadata();
    }

    @Override
    public void setMetadata(StreamName stream, StreamMetadata metadata) {
        appender.submit(new WriteRequest.SetMetadata(stream, metadata, new CompletableFuture<>()));
    }

    @Override
    public Optional<StreamInfo> info(StreamName stream) {
        StreamEntry entry = index.find(stream);
        return entry == null || !entry.isKnown() ? Optional.empty() : Optional.of(infoOf(entry));
    }

    @Override
    public List<StreamInfo> listStreams(String prefix, Optional<StreamName> after, int limit) {
        List<StreamInfo> found = new ArrayList<>();
        var candidates = after.isPresent()
                ? index.streams().tailMap(after.get(), false).values()
                : index.streams().values();
        for (StreamEntry entry : candidates) {
            if (found.size() >= limit) {
                break;
            }
            String name = entry.name().value();
            if (name.startsWith(prefix) && entry.isKnown()) {
                found.add(infoOf(entry));
            } else if (name.compareTo(prefix) > 0 && !name.startsWith(prefix)) {
                break;
            }
        }
        return found;
    }

    private static StreamInfo infoOf(StreamEntry entry) {
        var status = entry.status();
        StreamState state = status.tombstoned()
                ? StreamState.TOMBSTONED
                : status.deleted() ? StreamState.DELETED : StreamState.LIVE;
        int count = entry.count();
        return new StreamInfo(
                entry.name(),
                state,
                count == 0 ? OptionalLong.empty() : OptionalLong.of(count - 1L),
                status.lastWrite());
    }

    /**
     * Deletes the oldest segment files whose events are all dead by retention now (deleted or
     * tombstoned streams, maxCount, maxAge, truncateBefore), while appends and reads go on. Their
     * positions stay unused: reads skip them, and their event ids are forgotten, so an append
     * repeating one of those ids is a new event. A later change of metadata cannot bring reclaimed
     * events back. Safe against a crash at any moment: the next open finishes or ignores it.
     *
     * @throws StorageException the checkpoint, the scavenge mark or a delete failed; the store goes
     *     on, and a later scavenge or open completes the work
     * @throws IllegalStateException the store is closed
     */
    public ScavengeResult scavenge() {
        synchronized (scavenger) {
            if (closed) {
                throw new IllegalStateException("the store is closed; open it again to scavenge");
            }
            if (appender.hasFailed()) {
                throw new StorageException("the store failed a write and refuses changes; reopen it, then scavenge");
            }
            try {
                return scavenger.run();
            } catch (IOException e) {
                throw new StorageException(
                        "the scavenge failed (" + e + "); nothing was lost, and the next scavenge or open finishes it",
                        e);
            }
        }
    }

    /** Finishes appends in flight, ends subscriptions and releases the files. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (scavenger) {
            // waits for a scavenge in progress: it needs the checkpoint thread that closing stops
        }
        try {
            appender.stop();
            for (CatchUpSubscription subscription : subscriptions) {
                subscription.close();
            }
            for (CatchUpSubscription subscription : subscriptions) {
                subscription.awaitTermination(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                writer.close(!appender.hasFailed());
                checkpoints.close();
                saveCheckpoint();
            } catch (IOException e) {
                throw new StorageException(
                        "closing the event store failed (" + e + "); nothing acknowledged is lost, and the next"
                                + " open rebuilds the index from the log",
                        e);
            } finally {
                release(lock);
            }
        }
    }

    /** Saves the index so that the next open scans only what is appended after now. */
    private void saveCheckpoint() throws IOException {
        long last = index.lastRecordPosition();
        if (last >= 0 && !appender.hasFailed()) {
            IndexCheckpoint.write(config.directory(), index, last, log.frameCrcAt(last), config.faults());
        }
    }
}
