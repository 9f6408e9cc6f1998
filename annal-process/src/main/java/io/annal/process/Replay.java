package io.annal.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.codec.EventCodec;
import io.annal.codec.Metadata;
import io.annal.domain.ProcessManager;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One process instance rebuilt from its stream: the state, the commands asked for and not yet
 * answered, and the deadlines still set. Reactions are recomputed (the process is pure), so the
 * stream stores inputs only and a command's id follows from the input that asked for it.
 */
final class Replay<S, C> {

    final S state;
    final boolean terminal;
    final List<PendingCommand<C>> pending;
    final Map<String, Instant> deadlines;
    final Set<UUID> recordIds;
    final long lastVersion;

    private Replay(
            S state,
            boolean terminal,
            List<PendingCommand<C>> pending,
            Map<String, Instant> deadlines,
            Set<UUID> recordIds,
            long lastVersion) {
        this.state = state;
        this.terminal = terminal;
        this.pending = pending;
        this.deadlines = deadlines;
        this.recordIds = recordIds;
        this.lastVersion = lastVersion;
    }

    static <E, S, C> Replay<S, C> of(
            String name,
            String processId,
            ProcessManager<ProcessInput<E, C>, S, ProcessAction<C>> process,
            EventCodec<E> codec,
            List<RecordedEvent> history,
            StreamName journal) {
        S state = process.initialState();
        // Commands carry the correlation id of the record that asked for them; a record without
        // one (a deadline, or one written before records kept it) continues the one before it.
        String correlation = journal.value();
        Map<String, String> correlations = new HashMap<>();
        Map<String, C> asked = new LinkedHashMap<>();
        Set<String> answered = new HashSet<>();
        Map<String, Instant> deadlines = new LinkedHashMap<>();
        Set<UUID> ids = new HashSet<>();
        long lastVersion = -1;
        for (RecordedEvent record : history) {
            ids.add(record.id());
            lastVersion = record.version();
            ProcessInput<E, C> input = decode(record, codec, asked, answered, processId);
            if (input instanceof ProcessInput.DeadlineReached<E, C> reached) {
                deadlines.remove(reached.name());
            }
            if (!process.isTerminal(state)) {
                Metadata metadata = Metadata.parse(record.metadata());
                Instant at = JournalRecords.processTime(metadata, record);
                correlation = metadata.correlationId().orElse(correlation);
                int index = 0;
                for (ProcessAction<C> action : process.react(input, state)) {
                    switch (action) {
                        case ProcessAction.Send<C> send -> {
                            String id = commandId(name, processId, record.id(), index++);
                            asked.put(id, send.command());
                            correlations.put(id, correlation);
                        }
                        case ProcessAction.Schedule<C> schedule ->
                            deadlines.put(schedule.name(), at.plus(schedule.after()));
                        case ProcessAction.Cancel<C> cancel -> deadlines.remove(cancel.name());
                    }
                }
            }
            state = process.evolve(state, input);
        }
        boolean terminal = process.isTerminal(state);
        List<PendingCommand<C>> pending = new ArrayList<>();
        asked.forEach((id, command) -> {
            if (!answered.contains(id)) {
                pending.add(new PendingCommand<>(processId, id, correlations.get(id), command));
            }
        });
        return new Replay<>(
                state, terminal, List.copyOf(pending), terminal ? Map.of() : Map.copyOf(deadlines), ids, lastVersion);
    }

    /** The id of the {@code index}-th command sent in reaction to the record {@code inputId}. */
    static String commandId(String name, String processId, UUID inputId, int index) {
        return JournalRecords.nameId("process-command", name, processId, inputId.toString(), Integer.toString(index))
                .toString();
    }

    private static <E, C> ProcessInput<E, C> decode(
            RecordedEvent record, EventCodec<E> codec, Map<String, C> asked, Set<String> answered, String processId) {
        if (!JournalRecords.isRuntimeRecord(record.type())) {
            return ProcessInput.observed(codec.decodeEvent(record));
        }
        JsonNode data = JournalRecords.data(record);
        return switch (record.type()) {
            case JournalRecords.ACCEPTED ->
                ProcessInput.accepted(answer(data.path("commandId").asText(), asked, answered, processId));
            case JournalRecords.REJECTED ->
                ProcessInput.rejected(
                        answer(data.path("commandId").asText(), asked, answered, processId),
                        JournalRecords.rejection(data));
            case JournalRecords.DEADLINE ->
                ProcessInput.deadlineReached(data.path("name").asText());
            default ->
                throw new ProcessException("process " + processId + " holds a record of unknown type " + record.type()
                        + " at version " + record.version());
        };
    }

    private static <C> C answer(String commandId, Map<String, C> asked, Set<String> answered, String processId) {
        C command = asked.get(commandId);
        if (command == null) {
            throw new ProcessException("process " + processId + " records an outcome of command " + commandId
                    + ", which its reactions no longer ask for: did the process definition change"
                    + " incompatibly? Keep old reactions for processes already running");
        }
        answered.add(commandId);
        return command;
    }
}
