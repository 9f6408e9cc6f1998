package io.annal.command;

import io.annal.domain.Decider;
import io.annal.store.EventStore;
import io.annal.store.StreamName;
import io.opentelemetry.api.OpenTelemetry;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/** Configures a {@link CommandHandler}; every setting has a default. */
public final class CommandHandlerBuilder<C, E, S> {

    /** Hot states kept per handler unless told otherwise. */
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    final Decider<C, E, S> decider;
    final EventStore store;
    final EventMapper<E> mapper;
    final Function<? super C, StreamName> streams;
    RetryPolicy retry = RetryPolicy.defaults();
    InstantSource clock = InstantSource.system();
    RandomGenerator random = new Random();
    int cacheSize = DEFAULT_CACHE_SIZE;
    OpenTelemetry openTelemetry = OpenTelemetry.noop();
    private StateSerializer<S> serializer;
    private int schemaVersion;
    private SnapshotPolicy snapshotPolicy = SnapshotPolicy.everyEvents(SnapshotPolicy.DEFAULT_EVERY);
    private SnapshotStore snapshotStore;

    CommandHandlerBuilder(
            Decider<C, E, S> decider,
            EventStore store,
            EventMapper<E> mapper,
            Function<? super C, StreamName> streams) {
        this.decider = Objects.requireNonNull(decider, "decider");
        this.store = Objects.requireNonNull(store, "store");
        this.mapper = Objects.requireNonNull(mapper, "event mapper");
        this.streams = Objects.requireNonNull(streams, "stream function");
    }

    /**
     * Turns snapshots on, kept in the event store itself. Raise {@code schemaVersion} whenever
     * the serialized shape of the state changes: snapshots of another version are then ignored.
     */
    public CommandHandlerBuilder<C, E, S> snapshots(StateSerializer<S> serializer, int schemaVersion) {
        this.serializer = Objects.requireNonNull(serializer, "state serializer");
        this.schemaVersion = schemaVersion;
        return this;
    }

    /** When to snapshot; every {@value SnapshotPolicy#DEFAULT_EVERY} events by default. */
    public CommandHandlerBuilder<C, E, S> snapshotPolicy(SnapshotPolicy policy) {
        this.snapshotPolicy = Objects.requireNonNull(policy, "snapshot policy");
        return this;
    }

    /** Where snapshots go; by default a system stream per stream in the same event store. */
    public CommandHandlerBuilder<C, E, S> snapshotStore(SnapshotStore snapshots) {
        this.snapshotStore = Objects.requireNonNull(snapshots, "snapshot store");
        return this;
    }

    public CommandHandlerBuilder<C, E, S> retry(RetryPolicy policy) {
        this.retry = Objects.requireNonNull(policy, "retry policy");
        return this;
    }

    /** The clock for the {@code issuedAt} metadata. */
    public CommandHandlerBuilder<C, E, S> clock(InstantSource source) {
        this.clock = Objects.requireNonNull(source, "clock");
        return this;
    }

    /** The source of retry jitter; seed it for reproducible tests. */
    public CommandHandlerBuilder<C, E, S> random(RandomGenerator generator) {
        this.random = Objects.requireNonNull(generator, "random");
        return this;
    }

    /** How many hot states to keep; 0 turns the cache off. */
    public CommandHandlerBuilder<C, E, S> cacheSize(int entries) {
        if (entries < 0) {
            throw new IllegalArgumentException("a cache holds 0 or more entries (got " + entries + ")");
        }
        this.cacheSize = entries;
        return this;
    }

    /**
     * Traces each command and its append as children of the caller's current span, and writes
     * the trace context into every event's metadata ({@link TraceMetadata}). Off by default.
     */
    public CommandHandlerBuilder<C, E, S> openTelemetry(OpenTelemetry otel) {
        this.openTelemetry = Objects.requireNonNull(otel, "OpenTelemetry");
        return this;
    }

    public CommandHandler<C, E, S> build() {
        return new CommandHandler<>(this);
    }

    Optional<SnapshotSettings<S>> snapshotSettings() {
        if (serializer == null) {
            return Optional.empty();
        }
        SnapshotStore where = snapshotStore != null ? snapshotStore : SnapshotStore.inEventStore(store);
        return Optional.of(new SnapshotSettings<>(where, serializer, schemaVersion, snapshotPolicy));
    }
}
