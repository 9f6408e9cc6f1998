package io.annal.command;

import io.annal.store.EventData;
import io.annal.store.EventIds;
import io.annal.store.MetadataKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Wraps a command's typed events for the store: ids (derived from the command id when the
 * command is idempotent, so a repeated append is recognised by the store too) and metadata.
 */
final class Envelopes<E> {

    private final EventMapper<E> mapper;

    Envelopes(EventMapper<E> mapper) {
        this.mapper = mapper;
    }

    /**
     * The metadata every event of the command carries. A command that starts a chain correlates
     * with itself; its events are caused by the command unless the context names another cause.
     */
    static Map<String, String> metadata(CommandContext context, String commandId, Instant issuedAt) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(MetadataKeys.CORRELATION_ID, context.correlationId().orElse(commandId));
        meta.put(MetadataKeys.CAUSATION_ID, context.causationId().orElse(commandId));
        context.userId().ifPresent(user -> meta.put(MetadataKeys.USER_ID, user));
        meta.put(CommandMetadata.COMMAND_ID, commandId);
        meta.put(CommandMetadata.ISSUED_AT, issuedAt.toString());
        return meta;
    }

    /** The events to append; {@code idempotencyKey} present means deterministic ids. */
    List<EventData> wrap(List<E> events, Map<String, String> metadata, Optional<String> idempotencyKey) {
        List<EventData> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            UUID id = idempotencyKey.isPresent() ? CommandLog.eventId(idempotencyKey.get(), i) : EventIds.next();
            out.add(mapper.encode(events.get(i), id, metadata));
        }
        return out;
    }
}
