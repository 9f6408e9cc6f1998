package io.annal.projection;

import io.annal.projection.ProjectionStore.ServedGeneration;
import io.annal.store.AllReader;
import io.annal.store.EventSubscriber;
import io.annal.store.Position;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * One registered projection: the runner whose generation serves queries and, during a rebuild,
 * the runner building the next generation beside it. The rebuild takes over once it has reached
 * the head it saw when it started; until then queries keep reading the served generation.
 */
final class ManagedProjection<C> {

    private static final Duration WATCH_SLICE = Duration.ofMillis(100);

    private final Projection<C> projection;
    private final ProjectionStore<C> store;
    private final AllReader reader;
    private final EventSubscriber subscriber;
    private final RunnerOptions options;
    private final InstantSource clock;
    private final ProjectionTracing tracing;
    private volatile ProjectionRunner serving;
    private volatile ProjectionRunner building;
    private volatile boolean closed;

    ManagedProjection(
            Projection<C> projection,
            ProjectionStore<C> store,
            AllReader reader,
            EventSubscriber subscriber,
            RunnerOptions options,
            InstantSource clock,
            ProjectionTracing tracing) {
        this.projection = projection;
        this.store = store;
        this.reader = reader;
        this.subscriber = subscriber;
        this.options = options;
        this.clock = clock;
        this.tracing = tracing;
    }

    String name() {
        return projection.name();
    }

    ProjectionStore<C> store() {
        return store;
    }

    /** Serves the stored generation, or builds one: the first, or a new one for changed code. */
    synchronized void start() throws Exception {
        Optional<ServedGeneration> served = store.served(name());
        if (served.isEmpty()) {
            ProjectionSink sink = store.open(projection, 1);
            store.serve(name(), 1, projection.version());
            serving = runner(1, sink);
            serving.start();
        } else if (served.get().codeVersion() == projection.version()) {
            long generation = served.get().generation();
            serving = runner(generation, store.open(projection, generation));
            serving.start();
        } else {
            // The served data came from other code: it keeps answering, frozen, until the new build is ready.
            startBuilding(served.get().generation() + 1);
        }
    }

    /** Builds a new generation from position 0 beside the served one. */
    synchronized void rebuild() throws Exception {
        if (building != null) {
            return;
        }
        long current = store.served(name()).map(ServedGeneration::generation).orElse(0L);
        startBuilding(current + 1);
    }

    private void startBuilding(long generation) throws Exception {
        ProjectionRunner runner = runner(generation, store.create(projection, generation));
        building = runner;
        runner.start();
        Thread.ofVirtual().name("annal-rebuild-" + name()).start(() -> watch(runner));
    }

    private void watch(ProjectionRunner runner) {
        Optional<Position> head = reader.headPosition();
        try {
            // A paused or failed build may be resumed, so only a newer build or closing ends the wait.
            while (head.isPresent() && !runner.awaitPosition(head.get(), WATCH_SLICE)) {
                if (closed || building != runner) {
                    return;
                }
            }
            takeOver(runner);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            abandon(runner);
        }
    }

    /** The switch failed: the served generation stays, and a new rebuild may be asked for. */
    private synchronized void abandon(ProjectionRunner runner) {
        runner.stop(ProjectionStatus.FAILED);
        if (building == runner) {
            building = null;
        }
    }

    private synchronized void takeOver(ProjectionRunner runner) throws Exception {
        if (closed || building != runner) {
            return;
        }
        ProjectionRunner old = serving;
        if (old != null) {
            old.stop(ProjectionStatus.STOPPED);
        }
        store.serve(name(), runner.generation(), projection.version());
        serving = runner;
        building = null;
    }

    synchronized void pause() {
        each(ProjectionStatus.PAUSED);
    }

    synchronized void resume() {
        for (ProjectionRunner runner : new ProjectionRunner[] {serving, building}) {
            if (runner != null) {
                runner.start();
            }
        }
    }

    synchronized void close() {
        closed = true;
        each(ProjectionStatus.STOPPED);
    }

    private void each(ProjectionStatus status) {
        for (ProjectionRunner runner : new ProjectionRunner[] {serving, building}) {
            if (runner != null) {
                runner.stop(status);
            }
        }
    }

    /** Waits until the served read model reflects {@code target}, across a take-over. */
    boolean awaitPosition(Position target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ProjectionRunner runner = serving != null ? serving : building;
            if (runner == null) {
                return false;
            }
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            Duration slice = left.compareTo(WATCH_SLICE) < 0 ? left : WATCH_SLICE;
            // While only a build runs nothing serves yet: wait for it without counting its progress.
            if (runner == serving && runner.awaitPosition(target, slice)) {
                return true;
            }
            if (runner != serving) {
                runner.awaitPosition(Position.of(Long.MAX_VALUE), slice);
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
        }
    }

    Optional<Position> position() {
        ProjectionRunner runner = serving;
        return runner == null ? Optional.empty() : runner.position();
    }

    ProjectionInfo info() {
        ProjectionRunner runner = serving;
        ProjectionRunner next = building;
        ProjectionRunner shown = runner != null ? runner : next;
        ProjectionStatus status;
        if (next != null && next.status() == ProjectionStatus.RUNNING) {
            status = ProjectionStatus.REBUILDING;
        } else if (next != null && next.status() == ProjectionStatus.FAILED) {
            status = ProjectionStatus.FAILED;
        } else {
            status = shown == null ? ProjectionStatus.STOPPED : shown.status();
        }
        if (shown == null) {
            return new ProjectionInfo(name(), status, Optional.empty(), 0, 0, 0, Optional.empty());
        }
        return shown.info(name(), status);
    }

    /** The runner of the given generation, to retry a dead letter it parked. */
    Optional<ProjectionRunner> runnerOf(long generation) {
        for (ProjectionRunner runner : new ProjectionRunner[] {serving, building}) {
            if (runner != null && runner.generation() == generation) {
                return Optional.of(runner);
            }
        }
        return Optional.empty();
    }

    private ProjectionRunner runner(long generation, ProjectionSink sink) {
        return new ProjectionRunner(projection, generation, sink, reader, subscriber, options, clock, tracing);
    }
}
