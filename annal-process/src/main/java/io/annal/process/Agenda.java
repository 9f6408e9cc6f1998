package io.annal.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a process manager must come back to: the deadlines still set, the processes with a command
 * that could not be delivered, and how far through the log it has reacted. Saved as the single
 * kept event of {@code $checkpoint-process-<name>}; the log after that position replays every
 * process touched since, which brings its entries up to date again. Not thread-safe: the runtime
 * holds its lock around every use.
 */
final class Agenda {

    record Due(String processId, String name, Instant due) {}

    private final EventStore store;
    private final StreamName stream;
    private final Map<String, Map<String, Instant>> deadlines = new HashMap<>();
    private final Set<String> stalled = new LinkedHashSet<>();
    private Optional<Position> position = Optional.empty();

    private Agenda(EventStore store, StreamName stream) {
        this.store = store;
        this.stream = stream;
    }

    /** Loads the saved agenda of process manager {@code name}, or starts an empty one. */
    static Agenda load(EventStore store, String name) {
        Agenda agenda = new Agenda(store, StreamName.system("$checkpoint-process-" + name));
        try {
            List<RecordedEvent> last = store.readStream(agenda.stream, Long.MAX_VALUE, Direction.BACKWARD, 1)
                    .events();
            if (!last.isEmpty()) {
                agenda.read(RuntimeJson.parse(last.getFirst().data()));
            }
        } catch (StreamNotFoundException e) {
            store.setMetadata(agenda.stream, StreamMetadata.none().withMaxCount(1));
        }
        return agenda;
    }

    Optional<Position> position() {
        return position;
    }

    void reachedPosition(Position reached) {
        position = Optional.of(reached);
    }

    void update(String processId, Map<String, Instant> due, boolean isStalled) {
        if (due.isEmpty()) {
            deadlines.remove(processId);
        } else {
            deadlines.put(processId, Map.copyOf(due));
        }
        if (isStalled) {
            stalled.add(processId);
        } else {
            stalled.remove(processId);
        }
    }

    List<Due> dueBy(Instant now) {
        List<Due> due = new ArrayList<>();
        deadlines.forEach((processId, byName) -> byName.forEach((name, at) -> {
            if (!at.isAfter(now)) {
                due.add(new Due(processId, name, at));
            }
        }));
        due.sort((a, b) -> a.due().compareTo(b.due()));
        return due;
    }

    List<String> stalled() {
        return List.copyOf(stalled);
    }

    void save() {
        ObjectNode data = RuntimeJson.object();
        position.ifPresent(p -> data.put("position", p.value()));
        ArrayNode due = data.putArray("deadlines");
        deadlines.forEach((processId, byName) -> byName.forEach((name, at) ->
                due.addObject().put("processId", processId).put("name", name).put("due", at.toString())));
        ArrayNode stuck = data.putArray("stalled");
        stalled.forEach(stuck::add);
        store.append(
                stream, ExpectedVersion.any(), List.of(EventData.of("ProcessCheckpoint", RuntimeJson.bytes(data))));
    }

    private void read(JsonNode data) {
        if (data.has("position")) {
            position = Optional.of(Position.of(data.get("position").asLong()));
        }
        for (JsonNode due : data.path("deadlines")) {
            deadlines
                    .computeIfAbsent(due.path("processId").asText(), id -> new HashMap<>())
                    .put(
                            due.path("name").asText(),
                            Instant.parse(due.path("due").asText()));
        }
        for (JsonNode id : data.path("stalled")) {
            stalled.add(id.asText());
        }
    }
}
