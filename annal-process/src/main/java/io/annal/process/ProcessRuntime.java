package io.annal.process;

import io.annal.codec.EventCodec;
import io.annal.command.CommandContext;
import io.annal.command.CommandResult;
import io.annal.domain.ProcessManager;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.EventStore;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionListener;
import io.annal.store.SubscriptionStart;
import io.annal.store.WrongExpectedVersionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one process manager: follows the log, records each correlated event in the process's own
 * stream, sends the commands it reacts with, and fires its deadlines.
 *
 * <p>Design: the process stream {@code $process-<name>-<id>} holds inputs only (observed events,
 * command outcomes, deadlines reached); state, commands and deadlines are recomputed from it by
 * replay ({@link Replay}). A command's id derives from the process, the record that asked for it
 * and its index, so a command is pending exactly while its outcome is not recorded, and sending
 * it again after a crash returns the first outcome from the command runtime instead of applying
 * it twice. Every write is repeatable: records carry name-based ids, so a repeat is a duplicate
 * the store ignores. The subscription follows the process streams too, so a crash anywhere is
 * healed by replaying the log from the last checkpoint, which "drives" every process it touches
 * until nothing is pending. Deadlines and stalled processes (a command that could not be
 * delivered) live in the {@link Agenda}, saved with the checkpoint.
 *
 * <p>Thread safety: the subscription thread and the ticker take one lock per runtime, so one
 * process is never driven twice at once here; two runtimes on one store are kept apart by the
 * expected version of each process stream.
 */
public final class ProcessRuntime<E, S, C> implements AutoCloseable {

    private static final int CHECKPOINT_EVERY = 100;

    private final String name;
    private final ProcessManager<ProcessInput<E, C>, S, ProcessAction<C>> process;
    private final EventStore store;
    private final EventCodec<E> codec;
    private final ProcessRuntimeBuilder<E, S, C> settings;
    private final ProcessJournal journal;
    private final ProcessTracing tracing;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Agenda agenda;
    private Subscription subscription;
    private ScheduledExecutorService ticker;
    private ScheduledFuture<?> ticking;
    private int sinceCheckpoint;

    ProcessRuntime(ProcessRuntimeBuilder<E, S, C> b) {
        this.name = b.name;
        this.process = b.process;
        this.store = b.store;
        this.codec = b.codec;
        this.settings = b;
        this.journal = new ProcessJournal(b.store, b.name);
        this.tracing = new ProcessTracing(b.openTelemetry, b.name);
    }

    /** Starts a runtime named {@code name} (lower-case letters and digits) for {@code process}. */
    public static <E, S, C> ProcessRuntimeBuilder<E, S, C> builder(
            String name,
            ProcessManager<ProcessInput<E, C>, S, ProcessAction<C>> process,
            EventStore store,
            EventCodec<E> codec) {
        return new ProcessRuntimeBuilder<>(name, process, store, codec);
    }

    /** Loads the checkpoint, subscribes to the log after it, and starts firing deadlines. */
    public ProcessRuntime<E, S, C> start() {
        lock.lock();
        try {
            if (agenda != null) {
                throw new IllegalStateException("process runtime " + name + " was started before");
            }
            agenda = Agenda.load(store, name);
        } finally {
            lock.unlock();
        }
        SubscriptionStart from =
                agenda.position().map(p -> SubscriptionStart.after(p.value())).orElse(SubscriptionStart.fromStart());
        List<String> prefixes = new ArrayList<>(settings.sourcePrefixes);
        prefixes.add(journal.prefix());
        subscription =
                store.subscribeToAll(from, EventFilter.streamPrefixes(prefixes.toArray(String[]::new)), listener());
        ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("process-" + name + "-ticker").factory());
        long every = settings.tick.toMillis();
        ticking = ticker.scheduleWithFixedDelay(this::tickSafely, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The state of process {@code processId}, rebuilt from its stream. */
    public S state(String processId) {
        return replay(processId).state;
    }

    /** Whether process {@code processId} has finished and has no command left to send. */
    public boolean isDone(String processId) {
        Replay<S, C> replay = replay(processId);
        return replay.terminal && replay.pending.isEmpty();
    }

    /** Why the runtime stopped on its own, if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /**
     * Fires the deadlines that are due by the runtime's clock, retries commands that could not be
     * delivered, and saves the checkpoint if the log moved on. The ticker calls it; tests with a
     * clock of their own may call it directly.
     */
    public void tick() {
        lock.lock();
        try {
            if (agenda == null) {
                throw new IllegalStateException("start process runtime " + name + " before ticking it");
            }
            Instant now = settings.clock.instant();
            for (Agenda.Due due : agenda.dueBy(now)) {
                fire(due, now);
            }
            for (String processId : agenda.stalled()) {
                drive(processId);
            }
            if (sinceCheckpoint > 0) {
                checkpoint();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops following the log and firing deadlines. Saves nothing: a restart replays from the checkpoint. */
    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        if (ticker != null) {
            ticking.cancel(false);
            ticker.shutdownNow();
        }
    }

    private SubscriptionListener listener() {
        return new SubscriptionListener() {
            @Override
            public void onEvent(RecordedEvent event) {
                handle(event);
            }

            @Override
            public void onCaughtUp() {
                checkpoint();
            }

            @Override
            public void onCheckpoint(Position position) {
                lock.lock();
                try {
                    agenda.reachedPosition(position);
                    sinceCheckpoint++;
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void onClosed(Throwable error) {
                if (error != null) {
                    fail(error);
                }
            }
        };
    }

    private void handle(RecordedEvent event) {
        lock.lock();
        try {
            tracing.handling(event, () -> react(event));
        } finally {
            lock.unlock();
        }
    }

    private void react(RecordedEvent event) {
        Optional<String> own = journal.processIdOf(event.stream());
        if (own.isPresent()) {
            drive(own.get());
        } else {
            Optional<Correlated<E>> correlated = settings.correlation.apply(event);
            if (correlated.isPresent()) {
                observe(event, correlated.get());
            }
        }
        agenda.reachedPosition(event.position());
        if (++sinceCheckpoint >= CHECKPOINT_EVERY) {
            checkpoint();
        }
    }

    private void observe(RecordedEvent source, Correlated<E> correlated) {
        String processId = correlated.processId();
        UUID recordId = JournalRecords.nameId(
                "process-observed", name, processId, source.id().toString());
        EventData record = codec.encode(
                correlated.event(), recordId, JournalRecords.observedMetadata(source, settings.clock.instant()));
        recordUnlessDone(processId, record);
        drive(processId);
    }

    /** Sends every pending command of the process, recording each outcome, until none is left. */
    private void drive(String processId) {
        Set<String> undeliverable = new HashSet<>();
        while (true) {
            Replay<S, C> replay = replay(processId);
            Optional<PendingCommand<C>> next = replay.pending.stream()
                    .filter(p -> !undeliverable.contains(p.commandId()))
                    .findFirst();
            if (next.isEmpty()) {
                agenda.update(processId, replay.deadlines, !undeliverable.isEmpty());
                return;
            }
            PendingCommand<C> command = next.get();
            settings.beforeSend.accept(command);
            Optional<EventData> outcome = send(command);
            if (outcome.isEmpty()) {
                undeliverable.add(command.commandId());
            } else {
                append(processId, replay, outcome.get());
            }
        }
    }

    private Optional<EventData> send(PendingCommand<C> pending) {
        CommandContext context = CommandContext.withCommandId(pending.commandId())
                .causationId(pending.commandId())
                .correlationId(pending.correlationId());
        CommandResult result;
        try {
            result = tracing.send(pending, () -> settings.router.send(pending.command(), context));
        } catch (RuntimeException e) {
            settings.undelivered.accept(pending, e);
            return Optional.empty();
        }
        UUID id = JournalRecords.nameId("process-outcome", name, pending.processId(), pending.commandId());
        Instant now = settings.clock.instant();
        return switch (result) {
            case CommandResult.Accepted accepted -> Optional.of(JournalRecords.accepted(id, pending, now));
            case CommandResult.Rejected rejected ->
                Optional.of(JournalRecords.rejected(id, pending, rejected.rejection(), now));
            case CommandResult.Conflict conflict -> {
                settings.undelivered.accept(
                        pending,
                        new ProcessException("command kept conflicting after " + conflict.attempts() + " attempts"));
                yield Optional.empty();
            }
        };
    }

    private void fire(Agenda.Due due, Instant now) {
        Replay<S, C> replay = replay(due.processId());
        if (due.due().equals(replay.deadlines.get(due.name()))) {
            UUID id = JournalRecords.nameId(
                    "process-deadline",
                    name,
                    due.processId(),
                    due.name(),
                    due.due().toString());
            recordUnlessDone(due.processId(), JournalRecords.deadline(id, due.name(), due.due(), now));
        }
        drive(due.processId());
    }

    /** Records a new input unless it is there already or the process has finished. */
    private void recordUnlessDone(String processId, EventData record) {
        while (true) {
            Replay<S, C> replay = replay(processId);
            if (replay.recordIds.contains(record.id()) || replay.terminal || append(processId, replay, record)) {
                return;
            }
        }
    }

    /**
     * Records one input after what {@code replay} saw; false when another runtime wrote first, so
     * that the caller replays and decides again.
     */
    private boolean append(String processId, Replay<S, C> replay, EventData record) {
        try {
            journal.record(processId, replay.lastVersion, record);
            return true;
        } catch (WrongExpectedVersionException e) {
            return false;
        }
    }

    private Replay<S, C> replay(String processId) {
        return Replay.of(name, processId, process, codec, journal.history(processId), journal.stream(processId));
    }

    private void checkpoint() {
        lock.lock();
        try {
            if (failure.get() == null) {
                agenda.save();
                sinceCheckpoint = 0;
            }
        } finally {
            lock.unlock();
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    private void fail(Throwable error) {
        if (failure.compareAndSet(null, error)) {
            settings.failed.accept(error);
            close();
        }
    }
}
