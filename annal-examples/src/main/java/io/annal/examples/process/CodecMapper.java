package io.annal.examples.process;

import io.annal.codec.EventCodec;
import io.annal.command.EventMapper;
import io.annal.store.EventData;
import io.annal.store.RecordedEvent;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The JSON codec as the command runtime's {@link EventMapper}: what an application writes once. */
public final class CodecMapper<E> implements EventMapper<E> {

    private final EventCodec<E> codec;

    private CodecMapper(EventCodec<E> codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    public static <E> CodecMapper<E> of(EventCodec<E> codec) {
        return new CodecMapper<>(codec);
    }

    @Override
    public EventData encode(E event, UUID id, Map<String, String> metadata) {
        return codec.encode(event, id, metadata);
    }

    @Override
    public E decode(RecordedEvent event) {
        return codec.decodeEvent(event);
    }
}
