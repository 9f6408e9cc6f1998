package io.annal.store.postgres;

import io.annal.store.AllSlice;
import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.StreamAppend;
import io.annal.store.StreamInfo;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamSlice;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionListener;
import io.annal.store.SubscriptionStart;
import io.annal.store.postgres.internal.AllReads;
import io.annal.store.postgres.internal.AppendListener;
import io.annal.store.postgres.internal.Database;
import io.annal.store.postgres.internal.GroupCommitWriter;
import io.annal.store.postgres.internal.HorizonMonitor;
import io.annal.store.postgres.internal.SchemaName;
import io.annal.store.postgres.internal.StreamChanges;
import io.annal.store.postgres.internal.StreamQueries;
import io.annal.store.postgres.internal.StreamReads;
import io.annal.store.spi.AppendNotifier;
import io.annal.store.spi.CatchUpSubscription;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An event store in PostgreSQL: events and streams in the tables of one schema, appends combined
 * into group commits, and {@code $all} subscriptions that read only below the transaction horizon
 * so that they never skip an event that commits late (see docs/adr/0006-postgres-global-order.md).
 * Open it with {@link #open}; close it to stop its threads and release its connections.
 */
public final class PostgresEventStore implements EventStore {

    private final Database db;
    private final AppendNotifier notifier = new AppendNotifier();
    private final GroupCommitWriter writer;
    private final StreamReads streamReads;
    private final AllReads allReads;
    private final StreamChanges changes;
    private final StreamQueries queries;
    private final AppendListener listener;
    private final HorizonMonitor monitor;
    private final Set<CatchUpSubscription> subscriptions = ConcurrentHashMap.newKeySet();

    private PostgresEventStore(Database db, PostgresStoreConfig config, Optional<InTransaction> inTransaction) {
        this.db = db;
        this.streamReads = new StreamReads(db, config.clock());
        this.allReads = new AllReads(db, config.clock());
        this.changes = new StreamChanges(db);
        this.queries = new StreamQueries(db);
        // One connection stays free for reads whatever the pool size.
        int committers = Math.min(config.committers(), config.maxPoolSize() - 1);
        this.writer = new GroupCommitWriter(db, config.clock(), committers, notifier::notifyAppended, inTransaction);
        this.listener = new AppendListener(db, notifier::notifyAppended);
        long head = allReads.headPosition().map(Position::value).orElse(-1L);
        this.monitor = new HorizonMonitor(db, head, config.stallThreshold(), config.stallCheckInterval());
    }

    /** Connects, creates or upgrades the schema, and starts the store. */
    public static PostgresEventStore open(PostgresStoreConfig config) {
        return open(config, Optional.empty());
    }

    /**
     * Opens the store with work that runs inside every append transaction before it commits, such
     * as inline projections into read models in the same database (see {@link InTransaction}).
     */
    public static PostgresEventStore open(PostgresStoreConfig config, InTransaction inTransaction) {
        return open(config, Optional.of(Objects.requireNonNull(inTransaction, "inTransaction")));
    }

    private static PostgresEventStore open(PostgresStoreConfig config, Optional<InTransaction> inTransaction) {
        Objects.requireNonNull(config, "config");
        SchemaName schema = new SchemaName(config.schema());
        DataSource source = config.dataSource().orElseGet(() -> urlSource(config));
        Database db =
                Database.open(schema, source, source::getConnection, config.maxPoolSize(), config.connectionTimeout());
        try {
            return new PostgresEventStore(db, config, inTransaction);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static DataSource urlSource(PostgresStoreConfig config) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(config.jdbcUrl().orElseThrow());
        config.user().ifPresent(source::setUser);
        config.password().ifPresent(source::setPassword);
        source.setConnectTimeout((int) Math.max(1, config.connectionTimeout().toSeconds()));
        source.setTcpKeepAlive(true);
        return source;
    }

    /** How far {@code $all} subscriptions are held back by open transactions, for monitoring. */
    public HorizonStatus horizonStatus() {
        HorizonMonitor.Snapshot s = monitor.snapshot();
        return new HorizonStatus(s.eventsWaiting(), s.waitingFor(), s.stalled(), s.stallsReported(), s.blocker());
    }

    @Override
    public AppendResult append(StreamName stream, ExpectedVersion expected, List<EventData> events) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(events, "events");
        List<StreamAppend> parts = Requests.checkAppends(List.of(StreamAppend.of(stream, expected, events)));
        return writer.append(parts).getFirst();
    }

    @Override
    public List<AppendResult> appendAtomically(List<StreamAppend> appends) {
        return writer.append(Requests.checkAppends(appends));
    }

    @Override
    public StreamSlice readStream(StreamName stream, long from, Direction direction, int maxCount) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(direction, "direction");
        Requests.checkMaxCount(maxCount);
        Requests.checkFrom(from);
        return streamReads.read(stream, from, direction, maxCount);
    }

    @Override
    public AllSlice readAll(Position from, Direction direction, int maxCount, EventFilter filter) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(filter, "filter");
        Requests.checkMaxCount(maxCount);
        return allReads.read(from, direction, maxCount, filter);
    }

    @Override
    public Optional<Position> headPosition() {
        return allReads.headPosition();
    }

    @Override
    public Subscription subscribeToAll(SubscriptionStart start, EventFilter filter, SubscriptionListener listener) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(listener, "listener");
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
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(listener, "listener");
        long after = switch (start) {
            case SubscriptionStart.FromStart s -> -1;
            case SubscriptionStart.After a -> a.point();
            case SubscriptionStart.FromEnd e -> streamReads.lastVersionOrMinusOne(stream);
        };
        return track(
                CatchUpSubscription.startStream(stream.value(), streamReads.pages(stream), notifier, listener, after));
    }

    private Subscription track(CatchUpSubscription subscription) {
        subscriptions.add(subscription);
        subscriptions.removeIf(CatchUpSubscription::isClosed);
        return subscription;
    }

    @Override
    public void delete(StreamName stream, ExpectedVersion expected) {
        changes.delete(Objects.requireNonNull(stream, "stream"), Objects.requireNonNull(expected, "expected"));
    }

    @Override
    public void tombstone(StreamName stream, ExpectedVersion expected) {
        changes.tombstone(Objects.requireNonNull(stream, "stream"), Objects.requireNonNull(expected, "expected"));
    }

    @Override
    public StreamMetadata metadata(StreamName stream) {
        return queries.metadata(Objects.requireNonNull(stream, "stream"));
    }

    @Override
    public void setMetadata(StreamName stream, StreamMetadata metadata) {
        changes.setMetadata(Objects.requireNonNull(stream, "stream"), Objects.requireNonNull(metadata, "metadata"));
    }

    @Override
    public Optional<StreamInfo> info(StreamName stream) {
        return queries.info(Objects.requireNonNull(stream, "stream"));
    }

    @Override
    public List<StreamInfo> listStreams(String prefix, Optional<StreamName> after, int limit) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(after, "after");
        Requests.checkLimit(limit);
        return queries.list(prefix, after, limit);
    }

    @Override
    public void close() {
        writer.close();
        for (CatchUpSubscription subscription : subscriptions) {
            subscription.close();
        }
        for (CatchUpSubscription subscription : subscriptions) {
            try {
                subscription.awaitTermination(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        listener.close();
        monitor.close();
        db.close();
    }
}
