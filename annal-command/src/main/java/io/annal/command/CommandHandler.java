package io.annal.command;

import io.annal.domain.Decider;
import io.annal.domain.Decision;
import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.EventIds;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.IdempotencyConflictException;
import io.annal.store.StreamAppend;
import io.annal.store.StreamName;
import io.annal.store.WrongExpectedVersionException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Runs one decider's commands against an event store.
 *
 * <pre>{@code
 * CommandHandler<AccountCommand, AccountEvent, Account> accounts = CommandHandler.builder(
 *                 new AccountDecider(), store, mapper, command -> StreamName.of("account-" + command.accountId()))
 *         .snapshots(accountSerializer, 1)
 *         .build();
 * CommandResult result = accounts.handle(new Deposit("a-1", 50), CommandContext.withCommandId(idempotencyKey));
 * }</pre>
 *
 * <p>Design: optimistic concurrency, no locks. A command is decided on the state loaded from the
 * hot cache (no read at all) or from the store (snapshot plus tail), and its events are appended
 * with the loaded version as the expected version. If another writer got there first the store
 * refuses the append; the handler drops the cached state, waits a random moment, reloads and
 * decides again, up to {@link RetryPolicy#maxAttempts()}, and then reports a {@link
 * CommandResult.Conflict}. Rejections and no-ops append nothing, so the version check cannot
 * catch a stale state there: a cached state is re-read before it may reject. A command with an
 * id records its outcome in the store ({@link CommandLog}), atomically with its events, so a
 * repeat returns the first outcome even after a restart.
 *
 * <p>Thread safety: one instance serves any number of threads; commands on different streams do
 * not contend, and commands on one stream serialise through the store's version check.
 *
 * @param <C> the command type
 * @param <E> the event type
 * @param <S> the state type
 */
public final class CommandHandler<C, E, S> {

    /** How long a retry waits for the store to show the version its conflict reported. */
    private static final Duration VISIBILITY_WAIT = Duration.ofSeconds(2);

    private static final Duration VISIBILITY_POLL = Duration.ofMillis(1);

    private final Decider<C, E, S> decider;
    private final EventStore store;
    private final Function<? super C, StreamName> streams;
    private final Envelopes<E> envelopes;
    private final StateLoader<E, S> loader;
    private final StateCache<S> cache;
    private final CommandLog log;
    private final RetryPolicy retry;
    private final InstantSource clock;
    private final RandomGenerator random;
    private final CommandTracing tracing;
    private final StreamTurns turns = new StreamTurns();

    CommandHandler(CommandHandlerBuilder<C, E, S> b) {
        this.decider = b.decider;
        this.store = b.store;
        this.streams = b.streams;
        this.envelopes = new Envelopes<>(b.mapper);
        this.loader = new StateLoader<>(b.decider, b.mapper, b.store, b.snapshotSettings());
        this.cache = new StateCache<>(b.cacheSize);
        this.log = new CommandLog(b.store);
        this.retry = b.retry;
        this.clock = b.clock;
        this.random = b.random;
        this.tracing = new CommandTracing(b.openTelemetry);
    }

    /**
     * Starts a handler for {@code decider} on {@code store}; {@code streams} names the stream each
     * command belongs to.
     */
    public static <C, E, S> CommandHandlerBuilder<C, E, S> builder(
            Decider<C, E, S> decider,
            EventStore store,
            EventMapper<E> mapper,
            Function<? super C, StreamName> streams) {
        return new CommandHandlerBuilder<>(decider, store, mapper, streams);
    }

    /** Handles a command without an id: not idempotent. */
    public CommandResult handle(C command) {
        return handle(command, CommandContext.none());
    }

    /**
     * Decides {@code command} and appends its events. Store failures other than a concurrency
     * conflict (a tombstoned stream, a storage error) are thrown as they come.
     */
    public CommandResult handle(C command, CommandContext context) {
        StreamName stream = streams.apply(command);
        return tracing.command(
                command, stream, () -> turns.inTurn(stream, () -> decideAndAppend(command, context, stream)));
    }

    private CommandResult decideAndAppend(C command, CommandContext context, StreamName stream) {
        Optional<String> key = context.commandId();
        if (key.isPresent()) {
            Optional<CommandResult> earlier = log.find(key.get());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String commandId = key.orElseGet(() -> EventIds.next().toString());
        Map<String, String> metadata = Envelopes.metadata(context, commandId, clock.instant());
        if (tracing.on()) {
            TraceMetadata.write(metadata);
        }
        Optional<Long> current = Optional.empty();
        int attempts = 0;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1 && !pause(attempt - 1)) {
                break;
            }
            attempts = attempt;
            Loaded<S> loaded =
                    attempt == 1 ? cache.get(stream).orElseGet(() -> loader.load(stream)) : loadSeeing(stream, current);
            Decision<E> decision = decider.decide(command, loaded.state());
            if (!appends(decision) && loaded.fromCache()) {
                Loaded<S> fresh = loader.catchUp(loaded);
                if (!fresh.version().equals(loaded.version())) {
                    decision = decider.decide(command, fresh.state());
                }
                loaded = fresh;
                cache.put(loaded);
            }
            try {
                return switch (decision) {
                    case Decision.Rejected<E> rejected -> reject(stream, key, rejected, metadata);
                    case Decision.Accepted<E> accepted
                    when accepted.events().isEmpty() -> noChange(loaded, key, metadata);
                    case Decision.Accepted<E> accepted -> append(loaded, key, accepted.events(), metadata);
                };
            } catch (WrongExpectedVersionException | IdempotencyConflictException e) {
                cache.remove(stream);
                if (key.isPresent()) {
                    Optional<CommandResult> winner = log.find(key.get());
                    if (winner.isPresent()) {
                        return winner.get(); // the same command, sent twice at once, won elsewhere
                    }
                }
                if (e instanceof IdempotencyConflictException) {
                    throw e;
                }
                current = ((WrongExpectedVersionException) e).currentVersion();
            }
        }
        return new CommandResult.Conflict(stream, attempts, current);
    }

    /** The current state of {@code stream}. */
    public LoadedState<S> load(StreamName stream) {
        Loaded<S> loaded = cache.get(stream).map(loader::catchUp).orElseGet(() -> loader.load(stream));
        cache.put(loaded);
        return loaded.toPublic();
    }

    /**
     * Forgets the hot state of {@code stream}, for instance after deleting the stream: the next
     * command loads it from the store.
     */
    public void evict(StreamName stream) {
        cache.remove(stream);
    }

    /** The state of {@code stream} right after the event at {@code version} (the latest if shorter). */
    public LoadedState<S> loadAtVersion(StreamName stream, long version) {
        return loader.atVersion(stream, version);
    }

    /** The state of {@code stream} from the events recorded at or before {@code instant}. */
    public LoadedState<S> loadAsOf(StreamName stream, Instant instant) {
        return loader.asOf(stream, instant);
    }

    private CommandResult append(Loaded<S> loaded, Optional<String> key, List<E> events, Map<String, String> metadata) {
        List<EventData> data = envelopes.wrap(events, metadata, key);
        AppendResult result;
        if (key.isPresent()) {
            long before = loaded.expected() instanceof ExpectedVersion.Exact exact ? exact.version() : -1;
            EventData outcome = CommandLog.accepted(
                    key.get(),
                    loaded.stream(),
                    data.size(),
                    OptionalLong.of(before + data.size()),
                    FlatJson.write(metadata));
            List<AppendResult> results = tracing.append(
                    loaded.stream(),
                    data.size(),
                    () -> store.appendAtomically(List.of(
                            StreamAppend.of(loaded.stream(), loaded.expected(), data),
                            StreamAppend.of(
                                    CommandLog.streamOf(key.get()), ExpectedVersion.noStream(), List.of(outcome)))));
            result = results.getFirst();
            if (result.duplicate()) {
                return log.find(key.get())
                        .orElseThrow(() -> new IllegalStateException(
                                "the store holds the events of command " + key.get() + " but not its outcome"));
            }
        } else {
            result = tracing.append(
                    loaded.stream(), data.size(), () -> store.append(loaded.stream(), loaded.expected(), data));
        }
        S state = decider.fold(loaded.state(), events);
        Loaded<S> after = loader.snapshotIfDue(new Loaded<>(
                loaded.stream(),
                state,
                OptionalLong.of(result.lastVersion()),
                Optional.of(data.getLast().id()),
                ExpectedVersion.exact(result.lastVersion()),
                loaded.snapshotVersion(),
                false));
        if (decider.isTerminal(state)) {
            cache.remove(loaded.stream()); // nothing can change it any more: no need to keep it hot
        } else {
            cache.put(after);
        }
        return new CommandResult.Accepted(after.stream(), after.version(), Optional.of(result), data, false);
    }

    private CommandResult reject(
            StreamName stream, Optional<String> key, Decision.Rejected<E> rejected, Map<String, String> metadata) {
        if (key.isPresent()) {
            EventData outcome = CommandLog.rejected(key.get(), stream, rejected.rejection(), FlatJson.write(metadata));
            store.append(CommandLog.streamOf(key.get()), ExpectedVersion.noStream(), List.of(outcome));
        }
        return new CommandResult.Rejected(stream, rejected.rejection(), false);
    }

    private CommandResult noChange(Loaded<S> loaded, Optional<String> key, Map<String, String> metadata) {
        if (key.isPresent()) {
            EventData outcome =
                    CommandLog.accepted(key.get(), loaded.stream(), 0, loaded.version(), FlatJson.write(metadata));
            store.append(CommandLog.streamOf(key.get()), ExpectedVersion.noStream(), List.of(outcome));
        }
        return new CommandResult.Accepted(loaded.stream(), loaded.version(), Optional.empty(), List.of(), false);
    }

    private static boolean appends(Decision<?> decision) {
        return decision instanceof Decision.Accepted<?> accepted
                && !accepted.events().isEmpty();
    }

    /**
     * Loads {@code stream}, waiting (up to {@link #VISIBILITY_WAIT}) while it is older than the
     * version a conflict reported: a store may refuse an append for a rival's write it has
     * accepted but not yet made readable (the embedded store until its group commit is durable),
     * and deciding again on the older state could only meet the same conflict.
     */
    private Loaded<S> loadSeeing(StreamName stream, Optional<Long> version) {
        Loaded<S> loaded = loader.load(stream);
        long deadline = System.nanoTime() + VISIBILITY_WAIT.toNanos();
        while (version.isPresent() && loaded.version().orElse(-1) < version.get() && System.nanoTime() - deadline < 0) {
            try {
                // a short poll: the store API has no call that waits for a version, and the gap
                // closes within one group commit, so a subscription would cost more than it saves
                Thread.sleep(VISIBILITY_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return loaded;
            }
            loaded = loader.catchUp(loaded);
        }
        return loaded;
    }

    /** Waits before retry {@code retryNumber}; false when interrupted (the command then gives up). */
    private boolean pause(int retryNumber) {
        Duration delay;
        synchronized (random) { // a RandomGenerator need not be thread-safe
            delay = retry.delayBefore(retryNumber, random);
        }
        if (delay.isZero()) {
            return true;
        }
        try {
            Thread.sleep(delay); // jittered backoff, so conflicting callers do not collide again in step
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
