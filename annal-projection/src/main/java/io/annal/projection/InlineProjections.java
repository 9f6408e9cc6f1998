package io.annal.projection;

import io.annal.store.AppendResult;
import io.annal.store.EventAppender;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamAppend;
import io.annal.store.StreamName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Inline mode: an appender that acknowledges an append only once the chosen projections reflect
 * it, so the caller's next query sees its own write. The projections still run on their runners
 * (one writer per read model, in log order); this waits for them rather than applying events on
 * the caller's thread, which would race with appends from other threads.
 *
 * <p>The events are durable before the wait starts: a timeout throws {@link ProjectionException}
 * but does not undo the append. Sharing one PostgreSQL transaction between the event store and a
 * read model needs the store to hand its append transaction to the handler, which its API does
 * not offer yet.
 */
public final class InlineProjections implements EventAppender {

    private final EventAppender appender;
    private final ProjectionManager manager;
    private final List<String> projections;
    private final Duration timeout;

    private InlineProjections(
            EventAppender appender, ProjectionManager manager, List<String> projections, Duration timeout) {
        this.appender = Objects.requireNonNull(appender, "appender");
        this.manager = Objects.requireNonNull(manager, "manager");
        this.projections = List.copyOf(projections);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Waits up to {@code timeout} after each append for every one of {@code projections}. */
    public static InlineProjections wrap(
            EventAppender appender, ProjectionManager manager, List<String> projections, Duration timeout) {
        return new InlineProjections(appender, manager, projections, timeout);
    }

    @Override
    public AppendResult append(StreamName stream, ExpectedVersion expected, List<EventData> events) {
        AppendResult result = appender.append(stream, expected, events);
        awaitAll(result);
        return result;
    }

    @Override
    public List<AppendResult> appendAtomically(List<StreamAppend> appends) {
        List<AppendResult> results = appender.appendAtomically(appends);
        results.stream()
                .max((a, b) -> a.lastPosition().compareTo(b.lastPosition()))
                .ifPresent(this::awaitAll);
        return results;
    }

    private void awaitAll(AppendResult result) {
        for (String name : projections) {
            try {
                if (!manager.awaitPosition(name, result.lastPosition(), timeout)) {
                    throw new ProjectionException("the append reached position " + result.lastPosition()
                            + " but projection '" + name + "' did not reflect it within " + timeout
                            + " (the events are stored; check the projection's status and lag)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProjectionException("interrupted while waiting for projection '" + name + "'", e);
            }
        }
    }
}
