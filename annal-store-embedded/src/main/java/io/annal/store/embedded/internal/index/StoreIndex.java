package io.annal.store.embedded.internal.index;

import io.annal.store.StreamName;
import io.annal.store.embedded.internal.log.LogRecord;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Everything the store keeps in memory about the log: streams by name (sorted, for listing), the
 * global event positions, and the event-id table. Recovery fills it by {@link #apply}ing every
 * committed record; afterwards the appender applies each batch once it is durable.
 *
 * <p>Thread safety: one writer at a time; readers use the streams and positions concurrently.
 */
public final class StoreIndex {

    private final ConcurrentSkipListMap<StreamName, StreamEntry> streams = new ConcurrentSkipListMap<>();
    private final PositionList events = new PositionList();
    private final EventIdIndex ids = new EventIdIndex();

    public ConcurrentSkipListMap<StreamName, StreamEntry> streams() {
        return streams;
    }

    public PositionList events() {
        return events;
    }

    public EventIdIndex ids() {
        return ids;
    }

    public StreamEntry entry(StreamName name) {
        return streams.computeIfAbsent(name, StreamEntry::new);
    }

    /** Applies one committed record (writer only). */
    public void apply(LogRecord record) {
        StreamEntry entry = entry(record.stream());
        switch (record) {
            case LogRecord.Event event -> {
                if (event.version() != entry.count()) {
                    throw new IllegalStateException("stream " + event.stream() + " has version " + event.version()
                            + " at position " + event.position() + " but expected " + entry.count());
                }
                entry.add(event.position());
                ids.add(event.id(), events.size());
                events.add(event.position());
                entry.setStatus(entry.status().withWrite(event.recordedAt()));
            }
            case LogRecord.Metadata meta ->
                entry.setStatus(
                        meta.deleted()
                                ? entry.status().withDelete(meta.metadata(), meta.hiddenBefore())
                                : entry.status().withMetadata(meta.metadata()));
            case LogRecord.Tombstone ignored -> entry.setStatus(entry.status().withTombstone());
        }
    }
}
