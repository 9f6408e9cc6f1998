package io.annal.command;

import io.annal.domain.Rejection;
import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.RecordedEvent;
import io.annal.store.StoreLimits;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The outcomes of idempotent commands, one system stream per command id ({@code
 * $command-<id>}, see docs/adr/0005-idempotent-commands.md). An accepted command's outcome is
 * appended in the same atomic step as its events, a rejection or no-op on its own; both with
 * "no stream" as the expected version, so that of two identical commands racing, exactly one
 * outcome is recorded and the other reads it.
 */
final class CommandLog {

    static final String ACCEPTED = "command-accepted";
    static final String REJECTED = "command-rejected";

    private final EventStore store;

    CommandLog(EventStore store) {
        this.store = store;
    }

    static StreamName streamOf(String commandId) {
        return SystemStreams.command(commandId);
    }

    /** The id of the {@code index}-th event the command appends: the same on every attempt. */
    static UUID eventId(String commandId, int index) {
        return SystemStreams.nameId("command-event", commandId, Integer.toString(index));
    }

    /** The outcome event of an accepted command: {@code count} events ending at {@code version}. */
    static EventData accepted(String commandId, StreamName stream, int count, OptionalLong version, byte[] metadata) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stream", stream.value());
        data.put("count", count);
        version.ifPresent(v -> data.put("version", v));
        return EventData.of(outcomeId(commandId), ACCEPTED, FlatJson.write(data), metadata);
    }

    static EventData rejected(String commandId, StreamName stream, Rejection rejection, byte[] metadata) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stream", stream.value());
        data.put("code", rejection.code());
        data.put("message", rejection.message());
        return EventData.of(outcomeId(commandId), REJECTED, FlatJson.write(data), metadata);
    }

    /** The recorded outcome of {@code commandId}, as a replayed result; empty when there is none. */
    Optional<CommandResult> find(String commandId) {
        if (store.info(streamOf(commandId)).isEmpty()) {
            return Optional.empty(); // the usual case: a lookup without the cost of an exception
        }
        List<RecordedEvent> events;
        try {
            events = store.readStream(streamOf(commandId), 0, Direction.FORWARD, 1)
                    .events();
        } catch (StreamNotFoundException e) {
            return Optional.empty();
        }
        if (events.isEmpty()) {
            return Optional.empty();
        }
        RecordedEvent outcome = events.getFirst();
        Map<String, Object> data = FlatJson.read(outcome.data());
        StreamName stream = new StreamName((String) data.get("stream"));
        return Optional.of(
                switch (outcome.type()) {
                    case REJECTED ->
                        new CommandResult.Rejected(
                                stream, Rejection.of((String) data.get("code"), (String) data.get("message")), true);
                    case ACCEPTED -> replayAccepted(commandId, stream, data);
                    default ->
                        throw new IllegalStateException("unknown command outcome '" + outcome.type() + "' in "
                                + outcome.stream() + "; only the command runtime may write there");
                });
    }

    private CommandResult replayAccepted(String commandId, StreamName stream, Map<String, Object> data) {
        int count = Math.toIntExact((Long) data.get("count"));
        OptionalLong version = data.get("version") instanceof Long v ? OptionalLong.of(v) : OptionalLong.empty();
        if (count == 0 || version.isEmpty()) {
            return new CommandResult.Accepted(stream, version, Optional.empty(), List.of(), true);
        }
        long first = version.getAsLong() - count + 1;
        List<RecordedEvent> appended = readRange(stream, first, count);
        for (int i = 0; i < appended.size(); i++) {
            if (!appended.get(i).id().equals(eventId(commandId, i))) {
                appended = List.of();
                break;
            }
        }
        if (appended.size() != count) {
            // The events were deleted since: the outcome stands, but they can no longer be shown.
            return new CommandResult.Accepted(stream, version, Optional.empty(), List.of(), true);
        }
        AppendResult result = new AppendResult(
                        stream,
                        first,
                        version.getAsLong(),
                        appended.getFirst().position(),
                        appended.getLast().position(),
                        true)
                .withRecordedAt(appended.getFirst().recordedAt()); // one append: one time
        List<EventData> events =
                appended.stream().map(RecordedEvent::toEventData).toList();
        return new CommandResult.Accepted(stream, version, Optional.of(result), events, true);
    }

    private List<RecordedEvent> readRange(StreamName stream, long first, int count) {
        List<RecordedEvent> out = new ArrayList<>(count);
        try {
            long from = first;
            while (out.size() < count) {
                int want = Math.min(count - out.size(), StoreLimits.MAX_READ_COUNT);
                var slice = store.readStream(stream, from, Direction.FORWARD, want);
                for (RecordedEvent e : slice.events()) {
                    if (e.version() != from) {
                        return List.of();
                    }
                    out.add(e);
                    from++;
                }
                if (slice.events().size() < want) {
                    return List.of();
                }
            }
        } catch (StreamNotFoundException e) {
            return List.of();
        }
        return out;
    }

    private static UUID outcomeId(String commandId) {
        return SystemStreams.nameId("command-outcome", commandId);
    }
}
