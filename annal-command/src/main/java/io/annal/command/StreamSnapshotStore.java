package io.annal.command;

import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Snapshots as events: the latest snapshot of stream {@code s} is the last event of the system
 * stream {@code $snapshot-s}, whose metadata bounds it to one event so that old snapshots are
 * compacted away. The event's data is the state; its metadata says which version and event the
 * state follows and the state's schema version. Works on any backend.
 */
final class StreamSnapshotStore implements SnapshotStore {

    static final String TYPE = "snapshot";
    private static final StreamMetadata KEEP_LAST = StreamMetadata.none().withMaxCount(1);

    private final EventStore store;

    StreamSnapshotStore(EventStore store) {
        this.store = store;
    }

    @Override
    public Optional<Snapshot> load(StreamName stream) {
        StreamName name = SystemStreams.snapshot(stream);
        if (store.info(name).isEmpty()) {
            return Optional.empty(); // short streams have none: skip the cost of an exception
        }
        List<RecordedEvent> last;
        try {
            last = store.readStream(name, Long.MAX_VALUE, Direction.BACKWARD, 1).events();
        } catch (StreamNotFoundException e) {
            return Optional.empty();
        }
        return last.isEmpty() ? Optional.empty() : decode(last.getFirst());
    }

    @Override
    public void save(StreamName stream, Snapshot snapshot) {
        StreamName name = SystemStreams.snapshot(stream);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("streamVersion", snapshot.streamVersion());
        meta.put("eventId", snapshot.eventId().toString());
        meta.put("schemaVersion", snapshot.schemaVersion());
        // A fresh id each time: a re-created stream may snapshot the same version again.
        UUID id = UUID.randomUUID();
        var result = store.append(
                name, ExpectedVersion.any(), List.of(EventData.of(id, TYPE, snapshot.state(), FlatJson.write(meta))));
        // The bound is set with the first snapshot, and now and then again in case that failed.
        if (result.firstVersion() % 64 == 0 && !result.duplicate()) {
            store.setMetadata(name, KEEP_LAST);
        }
    }

    /** Reads a snapshot event; anything unexpected means "no usable snapshot". */
    static Optional<Snapshot> decode(RecordedEvent event) {
        if (!TYPE.equals(event.type())) {
            return Optional.empty();
        }
        try {
            Map<String, Object> meta = FlatJson.read(event.metadata());
            long version = (Long) meta.get("streamVersion");
            UUID eventId = UUID.fromString((String) meta.get("eventId"));
            int schema = Math.toIntExact((Long) meta.get("schemaVersion"));
            return Optional.of(Snapshot.of(version, eventId, schema, event.data()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
