package io.annal.projection;

import io.annal.store.AllReader;
import io.annal.store.EventStore;
import io.annal.store.EventSubscriber;
import io.annal.store.Position;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the application's projections and answers for them: status and lag, pause and resume,
 * rebuilds, dead letters, and waiting for a position (read-your-writes). What the admin API and
 * the query layer use.
 */
public final class ProjectionManager implements AutoCloseable {

    private final AllReader reader;
    private final EventSubscriber subscriber;
    private final RunnerOptions options;
    private final InstantSource clock;
    private final ProjectionTracing tracing;
    private final Map<String, ManagedProjection<?>> projections = new ConcurrentHashMap<>();

    private ProjectionManager(
            AllReader reader,
            EventSubscriber subscriber,
            RunnerOptions options,
            InstantSource clock,
            ProjectionTracing tracing) {
        this.reader = reader;
        this.subscriber = subscriber;
        this.options = options;
        this.clock = clock;
        this.tracing = tracing;
    }

    public static ProjectionManager create(EventStore store) {
        return create(store, store, RunnerOptions.defaults(), InstantSource.system());
    }

    /** With the reading and subscribing roles apart, custom options and a clock for lag. */
    public static ProjectionManager create(
            AllReader reader, EventSubscriber subscriber, RunnerOptions options, InstantSource clock) {
        return new ProjectionManager(reader, subscriber, options, clock, ProjectionTracing.OFF);
    }

    /**
     * As {@link #create(AllReader, EventSubscriber, RunnerOptions, InstantSource)}, tracing each
     * batch applied as a span that continues the trace its events carry in their metadata.
     */
    public static ProjectionManager create(
            AllReader reader,
            EventSubscriber subscriber,
            RunnerOptions options,
            InstantSource clock,
            OpenTelemetry otel) {
        return new ProjectionManager(
                reader,
                subscriber,
                options,
                clock,
                new ProjectionTracing(Objects.requireNonNull(otel, "OpenTelemetry")));
    }

    /**
     * Registers and starts {@code projection}: it resumes from its checkpoint, or builds from the
     * start; if its version changed, a new build runs beside the served data and takes over when
     * caught up.
     */
    public <C> void start(Projection<C> projection, ProjectionStore<C> store) {
        ManagedProjection<C> managed =
                new ManagedProjection<>(projection, store, reader, subscriber, options, clock, tracing);
        if (projections.putIfAbsent(projection.name(), managed) != null) {
            throw new ProjectionException("a projection named '" + projection.name() + "' is already running");
        }
        try {
            managed.start();
        } catch (Exception e) {
            projections.remove(projection.name());
            throw new ProjectionException("projection '" + projection.name() + "' could not start", e);
        }
    }

    public List<ProjectionInfo> list() {
        List<ProjectionInfo> all = new ArrayList<>();
        projections.values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(p -> all.add(p.info()));
        return all;
    }

    public ProjectionInfo info(String name) {
        return get(name).info();
    }

    /** The last position the served read model reflects. */
    public Optional<Position> position(String name) {
        return get(name).position();
    }

    /**
     * Waits up to {@code timeout} until the served read model reflects {@code position}.
     *
     * @return whether it did; if not, {@link #position} says how far it got
     */
    public boolean awaitPosition(String name, Position position, Duration timeout) throws InterruptedException {
        return get(name).awaitPosition(position, timeout);
    }

    public void pause(String name) {
        get(name).pause();
    }

    /** Resumes a paused or failed projection from its checkpoint. */
    public void resume(String name) {
        get(name).resume();
    }

    /** Builds the projection again from position 0 beside the served one, which serves until then. */
    public void rebuild(String name) {
        try {
            get(name).rebuild();
        } catch (ProjectionException e) {
            throw e;
        } catch (Exception e) {
            throw new ProjectionException("projection '" + name + "' could not start a rebuild", e);
        }
    }

    /** Every parked event of every projection. */
    public List<DeadLetter> deadLetters() {
        List<DeadLetter> all = new ArrayList<>();
        for (ManagedProjection<?> p : projections.values()) {
            try {
                all.addAll(p.store().deadLetters(p.name()));
            } catch (Exception e) {
                throw new ProjectionException("could not list the dead letters of '" + p.name() + "'", e);
            }
        }
        all.sort((a, b) -> a.parkedAt().compareTo(b.parkedAt()));
        return all;
    }

    /**
     * Applies a parked event again; its dead letter goes when that succeeds.
     *
     * @throws ProjectionException the id is unknown, or the event failed again (it stays parked)
     */
    public void retryDeadLetter(String id) {
        Located found = locate(id);
        found.projection()
                .runnerOf(found.letter().generation())
                .orElseThrow(() -> new ProjectionException(
                        "dead letter " + id + " belongs to a build that no longer" + " runs; skip it"))
                .retry(found.letter());
    }

    /** Forgets a parked event; the read model stays without it. */
    public void skipDeadLetter(String id) {
        Located found = locate(id);
        try {
            found.projection().store().skip(id);
        } catch (Exception e) {
            throw new ProjectionException("could not skip dead letter " + id, e);
        }
    }

    private Located locate(String id) {
        for (ManagedProjection<?> p : projections.values()) {
            try {
                Optional<DeadLetter> letter = p.store().deadLetter(id);
                if (letter.isPresent() && letter.get().projection().equals(p.name())) {
                    return new Located(p, letter.get());
                }
            } catch (Exception e) {
                throw new ProjectionException("could not look up dead letter " + id, e);
            }
        }
        throw new ProjectionException("there is no dead letter " + id + "; list them with deadLetters()");
    }

    private record Located(ManagedProjection<?> projection, DeadLetter letter) {}

    private ManagedProjection<?> get(String name) {
        ManagedProjection<?> p = projections.get(name);
        if (p == null) {
            throw new ProjectionException(
                    "there is no projection named '" + name + "'; known: " + projections.keySet());
        }
        return p;
    }

    /** Stops every projection; checkpoints stay stored. */
    @Override
    public void close() {
        projections.values().forEach(ManagedProjection::close);
    }
}
