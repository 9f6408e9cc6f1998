package io.annal.server;

import io.annal.codec.EventCodec;
import io.annal.codec.Metadata;
import io.annal.command.EventMapper;
import io.annal.store.EventData;
import io.annal.store.RecordedEvent;
import java.util.Map;
import java.util.UUID;

/** The JSON codec as the command runtime's {@link EventMapper}. */
final class CodecMapper<E> implements EventMapper<E> {

    private final EventCodec<E> codec;

    CodecMapper(EventCodec<E> codec) {
        this.codec = codec;
    }

    @Override
    public EventData encode(E event, UUID id, Map<String, String> metadata) {
        Metadata meta = Metadata.empty();
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            meta = meta.with(entry.getKey(), entry.getValue());
        }
        return codec.encode(event, id, meta);
    }

    @Override
    public E decode(RecordedEvent event) {
        return codec.decodeEvent(event);
    }
}
