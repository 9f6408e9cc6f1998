package io.annal.process;

import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StoreLimits;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.StreamSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The streams of one process manager: {@code $process-<name>-<processId>}, one per instance. */
final class ProcessJournal {

    private final EventStore store;
    private final String prefix;

    ProcessJournal(EventStore store, String name) {
        this.store = store;
        this.prefix = "$process-" + name + "-";
    }

    String prefix() {
        return prefix;
    }

    StreamName stream(String processId) {
        return StreamName.system(prefix + processId);
    }

    /** The process id of one of this journal's streams, empty for any other stream. */
    Optional<String> processIdOf(StreamName stream) {
        return stream.startsWith(prefix) ? Optional.of(stream.value().substring(prefix.length())) : Optional.empty();
    }

    List<RecordedEvent> history(String processId) {
        StreamName stream = stream(processId);
        List<RecordedEvent> events = new ArrayList<>();
        long from = 0;
        try {
            while (true) {
                StreamSlice slice = store.readStream(stream, from, Direction.FORWARD, StoreLimits.MAX_READ_COUNT);
                events.addAll(slice.events());
                if (slice.next().isEmpty()) {
                    return events;
                }
                from = slice.next().getAsLong();
            }
        } catch (StreamNotFoundException e) {
            return List.of();
        }
    }

    /**
     * Appends one input after {@code lastVersion} (-1: the stream is new). A record whose id is
     * already there is a repeat and changes nothing.
     */
    void record(String processId, long lastVersion, EventData record) {
        ExpectedVersion expected = lastVersion < 0 ? ExpectedVersion.noStream() : ExpectedVersion.exact(lastVersion);
        store.append(stream(processId), expected, List.of(record));
    }
}
