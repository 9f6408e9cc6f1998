package io.annal.projection;

import io.annal.store.AllReader;
import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.EventSubscriber;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionStart;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one generation of one projection: catch up from the checkpoint, then follow live appends.
 *
 * <p>Design: a subscription after the stored checkpoint feeds a bounded queue ({@link Feed}); a
 * worker on its own virtual thread takes what is queued, up to a batch, and hands it to the sink,
 * which applies the events and stores the checkpoint as one atomic step. Batches are large while
 * catching up and shrink to what arrived once live, so throughput and latency both win without a
 * timer (a 2 ms linger for fuller live batches cost P4 and P8 more than it saved).
 * Progress past events the projection does not read is published at once but stored lazily (at
 * most {@code CHECKPOINT_EVERY} late, and when idle or stopping): a projection that filters most
 * of the log then costs no transaction per commit, and a restart repeats at most that stretch of
 * the log, in which it finds nothing to apply. Delivery is at least once (a restart resumes from the last stored checkpoint, and a
 * subscription may repeat itself); the worker drops positions it has already passed, and the sink
 * drops positions at or before its stored checkpoint, so each event takes effect once.
 *
 * <p>Failures: a batch that fails is retried with doubling backoff; if it keeps failing, its
 * events are tried one by one to find the poison event, which is parked as a dead letter (with the
 * checkpoint moved past it, atomically) or stops the runner, by policy. An {@link Error} is a
 * crash: the runner stops as failed and a restart resumes from the checkpoint.
 *
 * <p>Thread safety: {@link #start} and {@link #stop} may be called from any thread; progress is
 * published under {@code lock} so that {@link #awaitPosition} waits without polling.
 */
final class ProjectionRunner {

    private static final long POLL_MILLIS = 100;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);
    private static final long CHECKPOINT_EVERY = TimeUnit.SECONDS.toNanos(1);

    private final String name;
    private final long generation;
    private final ProjectionSink sink;
    private final AllReader reader;
    private final EventSubscriber subscriber;
    private final Projection<?> projection;
    private final RunnerOptions options;
    private final InstantSource clock;
    private final ProjectionTracing tracing;

    private final ReentrantLock control = new ReentrantLock();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    private final AtomicLong errors = new AtomicLong();
    private volatile long position = -1;
    private volatile ProjectionStatus status = ProjectionStatus.STOPPED;
    private volatile String lastError;
    private volatile boolean stopping;
    private volatile Subscription subscription;
    private Thread worker;
    // Worker-only: the checkpoint last stored, and when.
    private long stored = -1;
    private long storedAt;

    ProjectionRunner(
            Projection<?> projection,
            long generation,
            ProjectionSink sink,
            AllReader reader,
            EventSubscriber subscriber,
            RunnerOptions options,
            InstantSource clock,
            ProjectionTracing tracing) {
        this.name = projection.name();
        this.projection = projection;
        this.generation = generation;
        this.sink = sink;
        this.reader = reader;
        this.subscriber = subscriber;
        this.options = options;
        this.clock = clock;
        this.tracing = tracing;
    }

    /** Starts from the stored checkpoint; does nothing when already running. */
    void start() {
        control.lock();
        try {
            if (worker != null && worker.isAlive()) {
                if (status != ProjectionStatus.FAILED) {
                    return;
                }
                worker.join(JOIN_TIMEOUT); // A failed worker is on its way out.
            }
            long checkpoint = sink.checkpoint().map(Position::value).orElse(-1L);
            publish(checkpoint);
            stored = checkpoint;
            storedAt = System.nanoTime();
            stopping = false;
            BlockingQueue<Feed.Item> queue = new ArrayBlockingQueue<>(Math.max(2 * options.batchSize(), 16));
            Feed feed = new Feed(queue);
            status = ProjectionStatus.RUNNING;
            // A platform thread, not a virtual one: a runner lives as long as the projection and
            // spends much of its time inside native read-model drivers (SQLite's JNI), which would
            // pin a carrier and starve the virtual threads serving HTTP requests.
            worker = Thread.ofPlatform()
                    .daemon(true)
                    .name("annal-projection-" + name + "-g" + generation)
                    .start(() -> work(queue, feed));
            SubscriptionStart start =
                    checkpoint < 0 ? SubscriptionStart.fromStart() : SubscriptionStart.after(checkpoint);
            subscription = subscriber.subscribeToAll(start, projection.filter(), feed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProjectionException("interrupted while starting projection '" + name + "'", e);
        } catch (Exception e) {
            fail(e);
            throw new ProjectionException("projection '" + name + "' could not start: " + e.getMessage(), e);
        } finally {
            control.unlock();
        }
    }

    /** Stops delivery and waits for the batch in hand to finish; the checkpoint stays as stored. */
    void stop(ProjectionStatus finalStatus) {
        control.lock();
        try {
            stopping = true;
            if (subscription != null) {
                subscription.close();
            }
            wakeBackoff();
            Thread running = worker;
            if (running != null && running != Thread.currentThread()) {
                running.join(JOIN_TIMEOUT);
            }
            if (status != ProjectionStatus.FAILED || finalStatus == ProjectionStatus.STOPPED) {
                status = finalStatus;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            control.unlock();
        }
    }

    private void work(BlockingQueue<Feed.Item> queue, Feed feed) {
        List<Feed.Item> batch = new ArrayList<>(options.batchSize());
        try {
            while (!stopping) {
                Feed.Item first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    storeProgress();
                    Throwable ended = feed.failure();
                    if (ended != null && !stopping) {
                        throw new ProjectionException("the subscription of projection '" + name + "' ended", ended);
                    }
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, options.batchSize() - 1);
                process(batch);
            }
            storeProgress();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            if (!stopping) {
                fail(t);
            }
        }
    }

    /** Stores progress published without a transaction; a failure waits for the next batch. */
    private void storeProgress() {
        long at = position;
        if (at <= stored || status == ProjectionStatus.FAILED) {
            return;
        }
        try {
            sink.apply(List.of(), Position.of(at));
            stored(at);
        } catch (Exception e) {
            if (!stopping) {
                recordError(e);
            }
        }
    }

    private void stored(long at) {
        stored = at;
        storedAt = System.nanoTime();
    }

    private void process(List<Feed.Item> batch) throws InterruptedException {
        long applied = position;
        long upTo = applied;
        List<RecordedEvent> events = new ArrayList<>(batch.size());
        for (Feed.Item item : batch) {
            switch (item) {
                case Feed.Delivered delivered -> {
                    long at = delivered.event().position().value();
                    if (at > upTo) {
                        events.add(delivered.event());
                        upTo = at;
                    }
                }
                case Feed.Progress progress ->
                    upTo = Math.max(upTo, progress.position().value());
            }
        }
        if (upTo > applied && events.isEmpty() && System.nanoTime() - storedAt < CHECKPOINT_EVERY) {
            publish(upTo); // Nothing to apply: the read model already reflects upTo.
        } else if (upTo > applied) {
            long through = upTo;
            tracing.batch(name, events, () -> applyBatch(events, through));
        }
    }

    private void applyBatch(List<RecordedEvent> events, long upTo) throws InterruptedException {
        Exception failure = attempt(events, upTo);
        if (failure == null || stopping) {
            return;
        }
        if (events.isEmpty()) {
            throw new ProjectionException("projection '" + name + "' could not store its checkpoint", failure);
        }
        for (RecordedEvent event : events) {
            Exception single = events.size() == 1
                    ? failure
                    : attempt(List.of(event), event.position().value());
            if (stopping) {
                return;
            }
            if (single != null) {
                poison(event, single);
            }
        }
        if (upTo > position) {
            Exception last = attempt(List.of(), upTo);
            if (last != null && !stopping) {
                throw new ProjectionException("projection '" + name + "' could not store its checkpoint", last);
            }
        }
    }

    /** Tries up to {@code maxAttempts} times; returns the last failure, or null on success. */
    private Exception attempt(List<RecordedEvent> events, long upTo) throws InterruptedException {
        Exception last = null;
        for (int tries = 1; tries <= options.maxAttempts() && !stopping; tries++) {
            try {
                sink.apply(events, Position.of(upTo));
                stored(upTo);
                publish(upTo);
                return null;
            } catch (Exception e) {
                last = e;
                recordError(e);
                if (tries < options.maxAttempts()) {
                    backoff(options.backoff(tries));
                }
            }
        }
        return last;
    }

    private void poison(RecordedEvent event, Exception failure) throws InterruptedException {
        // A store that cannot even read its checkpoint is down: that is no reason to park events.
        Exception last = failure;
        while (!stopping && !storeAnswers()) {
            backoff(options.maxBackoff());
            last = attempt(List.of(event), event.position().value());
            if (last == null) {
                return;
            }
        }
        if (stopping) {
            return;
        }
        String why = describe(last);
        if (options.onPoison() == FailurePolicy.STOP) {
            throw new ProjectionException(
                    "projection '" + name + "' stopped at " + event + " after " + options.maxAttempts() + " attempts: "
                            + why + "; fix the handler and resume",
                    last);
        }
        try {
            sink.park(event, why, options.maxAttempts());
        } catch (Exception e) {
            throw new ProjectionException("projection '" + name + "' could not park " + event, e);
        }
        stored(event.position().value());
        publish(event.position().value());
    }

    private boolean storeAnswers() {
        try {
            sink.checkpoint();
            return true;
        } catch (Exception e) {
            recordError(e);
            return false;
        }
    }

    /** Applies a parked event again; the dead letter goes when it succeeds. */
    void retry(DeadLetter letter) {
        List<RecordedEvent> found = reader.readAll(letter.position(), Direction.FORWARD, 1, EventFilter.all())
                .events();
        if (found.isEmpty() || !found.getFirst().position().equals(letter.position())) {
            throw new ProjectionException("the event of dead letter " + letter.id() + " at position "
                    + letter.position() + " is no longer in the store; skip it instead");
        }
        try {
            sink.retry(letter, found.getFirst());
        } catch (Exception e) {
            recordError(e);
            throw new ProjectionException("dead letter " + letter.id() + " failed again: " + describe(e), e);
        }
    }

    /** Waits until the read model reflects {@code target}; returns whether it got there in time. */
    boolean awaitPosition(Position target, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (position < target.value()) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = progressed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    ProjectionInfo info(String reportedName, ProjectionStatus reportedStatus) {
        long at = position;
        Lag lag = Lag.of(reader, projection.filter(), at, clock);
        return new ProjectionInfo(
                reportedName,
                reportedStatus,
                at < 0 ? Optional.empty() : Optional.of(Position.of(at)),
                lag.events(),
                lag.millis(),
                errors.get(),
                Optional.ofNullable(lastError));
    }

    Optional<Position> position() {
        long at = position;
        return at < 0 ? Optional.empty() : Optional.of(Position.of(at));
    }

    ProjectionStatus status() {
        return status;
    }

    long generation() {
        return generation;
    }

    private void publish(long upTo) {
        lock.lock();
        try {
            position = upTo;
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void backoff(Duration wait) throws InterruptedException {
        long nanos = wait.toNanos();
        lock.lock();
        try {
            while (nanos > 0 && !stopping) {
                nanos = progressed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    private void wakeBackoff() {
        lock.lock();
        try {
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void fail(Throwable t) {
        recordError(t);
        status = ProjectionStatus.FAILED;
        Subscription current = subscription;
        if (current != null) {
            current.close();
        }
    }

    private void recordError(Throwable t) {
        errors.incrementAndGet();
        lastError = describe(t);
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
