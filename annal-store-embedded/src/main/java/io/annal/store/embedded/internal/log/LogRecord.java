package io.annal.store.embedded.internal.log;

import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import java.time.Instant;
import java.util.UUID;

/** A decoded frame of the log, with its global position. */
public sealed interface LogRecord {

    long position();

    StreamName stream();

    /** One appended event. */
    record Event(
            long position,
            StreamName stream,
            long version,
            UUID id,
            String type,
            byte[] data,
            byte[] metadata,
            Instant recordedAt)
            implements LogRecord {

        public RecordedEvent toRecordedEvent() {
            return new RecordedEvent(stream, version, Position.of(position), id, type, data, metadata, recordedAt);
        }
    }

    /** New stream metadata; with {@code deleted}, a soft delete hiding versions below {@code hiddenBefore}. */
    record Metadata(long position, StreamName stream, StreamMetadata metadata, boolean deleted, long hiddenBefore)
            implements LogRecord {}

    /** The stream's name is retired for good. */
    record Tombstone(long position, StreamName stream) implements LogRecord {}
}
