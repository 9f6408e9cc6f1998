package io.annal.store.embedded.internal.index;

import io.annal.store.StreamName;
import io.annal.store.embedded.internal.log.LogRecord;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Everything the store keeps in memory about the log: streams by name (sorted, for listing), the
 * global event positions, and the event-id table. Recovery fills it by {@link #apply}ing every
 * committed record; afterwards the appender applies each batch once it is durable.
 *
 * <p>Thread safety: one writer at a time (entries are only added by it); readers use the streams
 * and positions concurrently.
 */
public final class StoreIndex {

    private final ConcurrentSkipListMap<StreamName, StreamEntry> streams = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, StreamEntry> byName = new ConcurrentHashMap<>();
    private final PositionList events;
    private final EventIdIndex ids;
    private long lastRecordPosition = -1;

    public StoreIndex() {
        this(new EventIdIndex(), new PositionList());
    }

    StoreIndex(EventIdIndex ids, PositionList events) {
        this.ids = ids;
        this.events = events;
    }

    /** The position of the last record applied, -1 before any. */
    public long lastRecordPosition() {
        return lastRecordPosition;
    }

    void restoreLastRecordPosition(long position) {
        lastRecordPosition = position;
    }

    void restore(StreamEntry entry) {
        byName.put(entry.name().value(), entry);
        streams.put(entry.name(), entry);
    }

    public ConcurrentSkipListMap<StreamName, StreamEntry> streams() {
        return streams;
    }

    public PositionList events() {
        return events;
    }

    public EventIdIndex ids() {
        return ids;
    }

    /** The stream's entry, or null when the name was never used. */
    public StreamEntry find(StreamName name) {
        return byName.get(name.value());
    }

    /** The name as the index already holds it, to spare decoding from validating it again. */
    public StreamName resolve(String name) {
        StreamEntry entry = byName.get(name);
        return entry != null ? entry.name() : new StreamName(name);
    }

    public StreamEntry entry(StreamName name) {
        StreamEntry entry = byName.get(name.value());
        if (entry == null) {
            entry = new StreamEntry(name);
            byName.put(name.value(), entry);
            streams.put(name, entry);
        }
        return entry;
    }

    /** Applies one committed record (recovery). */
    public void apply(LogRecord record) {
        apply(record, true);
    }

    /**
     * Applies one record the appender made durable; its event id is already in the id table, added
     * while the appender encoded it, when the table's lines were still in the CPU cache from the
     * idempotency lookup.
     */
    public void applyAppended(LogRecord record) {
        apply(record, false);
    }

    private void apply(LogRecord record, boolean addId) {
        lastRecordPosition = record.position();
        StreamEntry entry = entry(record.stream());
        switch (record) {
            case LogRecord.Event event -> {
                if (event.version() != entry.count()) {
                    throw new IllegalStateException("stream " + event.stream() + " has version " + event.version()
                            + " at position " + event.position() + " but expected " + entry.count());
                }
                entry.add(event.position());
                if (addId) {
                    ids.add(event.id(), events.size());
                }
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
