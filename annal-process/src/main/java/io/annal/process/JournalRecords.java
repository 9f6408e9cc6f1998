package io.annal.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.annal.codec.Metadata;
import io.annal.domain.Rejection;
import io.annal.store.EventData;
import io.annal.store.MetadataKeys;
import io.annal.store.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The records of a process stream besides the observed events themselves, and the ids that make
 * every write repeatable. Each record's metadata holds {@value #PROCESS_TIME}, the runtime's clock
 * when it was written, from which the deadlines its reaction sets are measured.
 */
final class JournalRecords {

    static final String ACCEPTED = "$command-accepted";
    static final String REJECTED = "$command-rejected";
    static final String DEADLINE = "$deadline-reached";
    static final String PROCESS_TIME = "processTime";

    private JournalRecords() {}

    static boolean isRuntimeRecord(String type) {
        return type.startsWith("$");
    }

    static EventData accepted(UUID id, PendingCommand<?> command, Instant at) {
        ObjectNode data = RuntimeJson.object().put("commandId", command.commandId());
        return EventData.of(id, ACCEPTED, RuntimeJson.bytes(data), outcomeMetadata(at, command));
    }

    static EventData rejected(UUID id, PendingCommand<?> command, Rejection rejection, Instant at) {
        ObjectNode data = RuntimeJson.object()
                .put("commandId", command.commandId())
                .put("code", rejection.code())
                .put("message", rejection.message());
        return EventData.of(id, REJECTED, RuntimeJson.bytes(data), outcomeMetadata(at, command));
    }

    static EventData deadline(UUID id, String name, Instant due, Instant at) {
        ObjectNode data = RuntimeJson.object().put("name", name).put("due", due.toString());
        return EventData.of(id, DEADLINE, RuntimeJson.bytes(data), metadata(at, name));
    }

    /**
     * The metadata of an observed event's copy: when, which stored event it came from, and that
     * event's correlation id, which the commands sent in reaction carry on.
     */
    static Metadata observedMetadata(RecordedEvent source, Instant at) {
        Metadata metadata = Metadata.empty()
                .with(PROCESS_TIME, at.toString())
                .withCausationId(source.id().toString())
                .with("sourceStream", source.stream().value());
        return Metadata.parse(source.metadata())
                .correlationId()
                .map(metadata::withCorrelationId)
                .orElse(metadata);
    }

    static Instant processTime(Metadata metadata, RecordedEvent record) {
        return metadata.text(PROCESS_TIME).map(Instant::parse).orElse(record.recordedAt());
    }

    static JsonNode data(RecordedEvent record) {
        return RuntimeJson.parse(record.data());
    }

    static Rejection rejection(JsonNode data) {
        return Rejection.of(data.path("code").asText(), data.path("message").asText());
    }

    /** A name-based id: the same parts always give the same id. */
    static UUID nameId(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] metadata(Instant at, String cause) {
        return RuntimeJson.bytes(
                RuntimeJson.object().put(PROCESS_TIME, at.toString()).put(MetadataKeys.CAUSATION_ID, cause));
    }

    private static byte[] outcomeMetadata(Instant at, PendingCommand<?> command) {
        return RuntimeJson.bytes(RuntimeJson.object()
                .put(PROCESS_TIME, at.toString())
                .put(MetadataKeys.CAUSATION_ID, command.commandId())
                .put(MetadataKeys.CORRELATION_ID, command.correlationId()));
    }
}
