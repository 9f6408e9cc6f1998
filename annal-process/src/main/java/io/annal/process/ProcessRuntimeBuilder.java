package io.annal.process;

import io.annal.codec.EventCodec;
import io.annal.domain.ProcessManager;
import io.annal.store.EventStore;
import io.annal.store.RecordedEvent;
import io.opentelemetry.api.OpenTelemetry;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Configures a {@link ProcessRuntime}; correlation, sources and a command router are required. */
public final class ProcessRuntimeBuilder<E, S, C> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*");
    private static final System.Logger LOG = System.getLogger(ProcessRuntime.class.getName());

    final String name;
    final ProcessManager<ProcessInput<E, C>, S, ProcessAction<C>> process;
    final EventStore store;
    final EventCodec<E> codec;
    final List<String> sourcePrefixes = new ArrayList<>();
    Function<RecordedEvent, Optional<Correlated<E>>> correlation;
    CommandRouter<C> router;
    InstantSource clock = InstantSource.system();
    Duration tick = Duration.ofSeconds(1);
    OpenTelemetry openTelemetry = OpenTelemetry.noop();
    Consumer<PendingCommand<C>> beforeSend = command -> {};
    BiConsumer<PendingCommand<C>, Exception> undelivered = (command, e) ->
            LOG.log(Level.WARNING, "command " + command.commandId() + " could not be delivered; retrying later", e);
    Consumer<Throwable> failed = e -> LOG.log(Level.ERROR, "process runtime stopped", e);

    ProcessRuntimeBuilder(
            String name,
            ProcessManager<ProcessInput<E, C>, S, ProcessAction<C>> process,
            EventStore store,
            EventCodec<E> codec) {
        if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("a process manager's name is lower-case letters and digits, such as"
                    + " 'transfer' (got '" + name + "'): it names the streams $process-<name>-<id>");
        }
        this.name = name;
        this.process = Objects.requireNonNull(process, "process manager");
        this.store = Objects.requireNonNull(store, "store");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * Which events the process follows: those of streams starting with {@code streamPrefixes},
     * turned into inputs by {@code correlation} (empty: not for this process).
     */
    public ProcessRuntimeBuilder<E, S, C> follow(
            List<String> streamPrefixes, Function<RecordedEvent, Optional<Correlated<E>>> correlation) {
        if (streamPrefixes.isEmpty()) {
            throw new IllegalArgumentException("name at least one stream prefix to follow");
        }
        sourcePrefixes.addAll(streamPrefixes);
        this.correlation = Objects.requireNonNull(correlation, "correlation");
        return this;
    }

    public ProcessRuntimeBuilder<E, S, C> commands(CommandRouter<C> commandRouter) {
        this.router = Objects.requireNonNull(commandRouter, "command router");
        return this;
    }

    /** The clock deadlines are set and fired by. */
    public ProcessRuntimeBuilder<E, S, C> clock(InstantSource source) {
        this.clock = Objects.requireNonNull(source, "clock");
        return this;
    }

    /** How often due deadlines and undelivered commands are looked at; one second by default. */
    public ProcessRuntimeBuilder<E, S, C> tickEvery(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("tick at a positive interval, not " + interval);
        }
        this.tick = interval;
        return this;
    }

    /**
     * Called right before each command is sent, after the input that asked for it is recorded.
     * Throwing there stops the runtime at that point, as a crash would; tests use it.
     */
    public ProcessRuntimeBuilder<E, S, C> beforeSend(Consumer<PendingCommand<C>> hook) {
        this.beforeSend = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /** Told when a command could not be delivered (it is retried); logs by default. */
    public ProcessRuntimeBuilder<E, S, C> onUndelivered(BiConsumer<PendingCommand<C>, Exception> listener) {
        this.undelivered = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Told when the runtime stops on a failure; logs by default. */
    public ProcessRuntimeBuilder<E, S, C> onFailure(Consumer<Throwable> listener) {
        this.failed = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Continues the trace an event carries while reacting to it, with a span per command sent;
     * off by default.
     */
    public ProcessRuntimeBuilder<E, S, C> openTelemetry(OpenTelemetry otel) {
        this.openTelemetry = Objects.requireNonNull(otel, "OpenTelemetry");
        return this;
    }

    public ProcessRuntime<E, S, C> build() {
        if (correlation == null || router == null) {
            throw new IllegalStateException("a process runtime needs follow(...) and commands(...)");
        }
        return new ProcessRuntime<>(this);
    }
}
