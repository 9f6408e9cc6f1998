package io.annal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.codec.EventCodec;
import io.annal.codec.Metadata;
import io.annal.command.Bank.Deposit;
import io.annal.command.Bank.Open;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.MetadataKeys;
import io.annal.store.RecordedEvent;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON codec plugs into the runtime as its event mapper, keeping the runtime's metadata. */
class CodecMapperTest {

    private static final EventCodec<Bank.Event> CODEC = EventCodec.builder(Bank.Event.class)
            .register(Bank.Opened.class, "AccountOpened", 1)
            .register(Bank.Deposited.class, "Deposited", 2)
            .register(Bank.Withdrew.class, "Withdrew", 1)
            .register(Bank.Closed.class, "AccountClosed", 1)
            .build();

    /** What an application writes once: the codec as an {@link EventMapper}. */
    static final class CodecMapper implements EventMapper<Bank.Event> {
        @Override
        public EventData encode(Bank.Event event, UUID id, Map<String, String> metadata) {
            Metadata meta = Metadata.empty();
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                meta = meta.with(entry.getKey(), entry.getValue());
            }
            return CODEC.encode(event, id, meta);
        }

        @Override
        public Bank.Event decode(RecordedEvent event) {
            return CODEC.decodeEvent(event);
        }
    }

    @Test
    void commands_run_with_the_json_codec() {
        EventStore store = Runtime.store();
        var handler = CommandHandler.builder(new Bank.AccountDecider(), store, new CodecMapper(), Bank::stream)
                .build();

        handler.handle(
                new Open("a1", "ada"), CommandContext.withCommandId("c-1").userId("ada"));
        handler.handle(new Deposit("a1", 25));

        RecordedEvent deposited = store.readStream(Bank.stream("a1"), 1, Direction.FORWARD, 1)
                .events()
                .getFirst();
        Metadata meta = Metadata.parse(deposited.metadata());
        assertThat(deposited.type()).isEqualTo("Deposited");
        assertThat(meta.schemaVersion()).hasValue(2);
        assertThat(meta.text(MetadataKeys.CORRELATION_ID)).isPresent();
        assertThat(meta.text(CommandMetadata.ISSUED_AT)).isPresent();
        assertThat(Metadata.parse(store.readStream(Bank.stream("a1"), 0, Direction.FORWARD, 1)
                                .events()
                                .getFirst()
                                .metadata())
                        .userId())
                .hasValue("ada");
        assertThat(CommandHandler.builder(new Bank.AccountDecider(), store, new CodecMapper(), Bank::stream)
                        .build()
                        .load(Bank.stream("a1"))
                        .state()
                        .balance())
                .isEqualTo(25);
    }
}
