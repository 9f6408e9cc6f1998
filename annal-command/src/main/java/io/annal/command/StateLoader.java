package io.annal.command;

import io.annal.domain.Decider;
import io.annal.store.Direction;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StoreLimits;
import io.annal.store.StreamInfo;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.StreamSlice;
import io.annal.store.StreamState;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Builds a stream's state: from a base (a snapshot or a cached state) plus the events after it,
 * or from the start. A base is trusted only when the stream still holds the base's last event,
 * same version and same id; otherwise (the stream was deleted, re-created or truncated, or the
 * snapshot is simply wrong) the state is replayed from the start. Snapshots are thus a cache that
 * can make a load faster but never make it wrong.
 */
final class StateLoader<E, S> {

    private static final int PAGE = StoreLimits.MAX_READ_COUNT;

    private final Decider<?, E, S> decider;
    private final EventMapper<E> mapper;
    private final EventStore store;
    private final Optional<SnapshotSettings<S>> snapshots;

    StateLoader(
            Decider<?, E, S> decider,
            EventMapper<E> mapper,
            EventStore store,
            Optional<SnapshotSettings<S>> snapshots) {
        this.decider = decider;
        this.mapper = mapper;
        this.store = store;
        this.snapshots = snapshots;
    }

    /** The current state: latest usable snapshot plus the events after it; saves a snapshot when due. */
    Loaded<S> load(StreamName stream) {
        return snapshotIfDue(fold(stream, snapshotBase(stream), e -> true));
    }

    /** Brings a cached state up to date with the events appended after it. */
    Loaded<S> catchUp(Loaded<S> cached) {
        Optional<Base<S>> base =
                cached.version().isPresent() && cached.lastEventId().isPresent()
                        ? Optional.of(new Base<>(
                                cached.state(),
                                cached.version().getAsLong(),
                                cached.lastEventId().get(),
                                cached.snapshotVersion()))
                        : Optional.empty();
        return snapshotIfDue(fold(cached.stream(), base, e -> true));
    }

    /** The state after the event at {@code version}, or the latest if the stream is shorter. */
    LoadedState<S> atVersion(StreamName stream, long version) {
        if (version < 0) {
            throw new IllegalArgumentException("a version is 0 or more (got " + version + ")");
        }
        Optional<Base<S>> base = snapshotBase(stream).filter(b -> b.version() <= version);
        return fold(stream, base, e -> e.version() <= version).toPublic();
    }

    /** The state after the events recorded at or before {@code instant}. */
    LoadedState<S> asOf(StreamName stream, Instant instant) {
        return fold(stream, Optional.empty(), e -> !e.recordedAt().isAfter(instant))
                .toPublic();
    }

    /** Saves a snapshot of {@code loaded} when the policy says one is due; a failure only skips it. */
    Loaded<S> snapshotIfDue(Loaded<S> loaded) {
        if (snapshots.isEmpty()
                || loaded.version().isEmpty()
                || loaded.lastEventId().isEmpty()) {
            return loaded;
        }
        SnapshotSettings<S> settings = snapshots.get();
        long version = loaded.version().getAsLong();
        if (!settings.policy().isDue(version - loaded.snapshotVersion())) {
            return loaded;
        }
        try {
            byte[] state = settings.serializer().serialize(loaded.state());
            settings.store()
                    .save(
                            loaded.stream(),
                            Snapshot.of(version, loaded.lastEventId().get(), settings.schemaVersion(), state));
            return loaded.withSnapshotVersion(version);
        } catch (RuntimeException e) {
            // A snapshot is an optimisation: the events are already safe, so carry on without it.
            return loaded;
        }
    }

    private Optional<Base<S>> snapshotBase(StreamName stream) {
        if (snapshots.isEmpty()) {
            return Optional.empty();
        }
        SnapshotSettings<S> settings = snapshots.get();
        try {
            return settings.store()
                    .load(stream)
                    .filter(s -> s.schemaVersion() == settings.schemaVersion())
                    .map(s -> new Base<>(
                            settings.serializer().deserialize(s.state()),
                            s.streamVersion(),
                            s.eventId(),
                            s.streamVersion()));
        } catch (RuntimeException e) {
            return Optional.empty(); // unreadable snapshot: replay instead
        }
    }

    private Loaded<S> fold(StreamName stream, Optional<Base<S>> base, Predicate<RecordedEvent> include) {
        S state = base.map(Base::state).orElseGet(decider::initialState);
        OptionalLong version = base.map(b -> OptionalLong.of(b.version())).orElse(OptionalLong.empty());
        Optional<UUID> lastId = base.map(Base::eventId);
        long from = base.map(Base::version).orElse(0L);
        boolean verifying = base.isPresent();
        long lastWritten;
        try {
            while (true) {
                StreamSlice slice = store.readStream(stream, from, Direction.FORWARD, PAGE);
                lastWritten = slice.lastVersion();
                boolean stop = false;
                for (RecordedEvent event : slice.events()) {
                    if (verifying) {
                        if (event.version() != version.getAsLong()
                                || !event.id().equals(lastId.get())) {
                            return fold(stream, Optional.empty(), include);
                        }
                        verifying = false;
                        continue;
                    }
                    if (!include.test(event)) {
                        stop = true;
                        break;
                    }
                    state = decider.evolve(state, mapper.decode(event));
                    version = OptionalLong.of(event.version());
                    lastId = Optional.of(event.id());
                }
                if (verifying) {
                    return fold(stream, Optional.empty(), include); // the base's event is gone
                }
                if (stop || slice.next().isEmpty()) {
                    break;
                }
                from = slice.next().getAsLong();
            }
        } catch (StreamNotFoundException e) {
            return new Loaded<>(
                    stream,
                    decider.initialState(),
                    OptionalLong.empty(),
                    Optional.empty(),
                    expectNew(stream),
                    -1,
                    false);
        }
        long snapshotVersion = base.map(Base::snapshotVersion).orElse(-1L);
        // With every event hidden by retention the stream still exists: expect its last version.
        ExpectedVersion expected = ExpectedVersion.exact(version.orElse(lastWritten));
        return new Loaded<>(stream, state, version, lastId, expected, snapshotVersion, false);
    }

    /**
     * The expectation for a stream that reads as missing: never written, or soft-deleted, in
     * which case it continues from its last version and {@code exact} pins that down.
     */
    private ExpectedVersion expectNew(StreamName stream) {
        Optional<StreamInfo> info = store.info(stream);
        if (info.isPresent()
                && info.get().state() == StreamState.DELETED
                && info.get().lastVersion().isPresent()) {
            return ExpectedVersion.exact(info.get().lastVersion().getAsLong());
        }
        return ExpectedVersion.noStream();
    }

    /** A state known to follow the event {@code eventId} at {@code version}. */
    private record Base<S>(S state, long version, UUID eventId, long snapshotVersion) {}
}
