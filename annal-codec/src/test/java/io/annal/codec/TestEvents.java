package io.annal.codec;

import io.annal.store.EventData;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A small sealed event family and helpers shared by the codec tests. */
final class TestEvents {

    sealed interface AccountEvent {}

    record Opened(String accountId, String owner, Instant openedAt, BigDecimal interestRate, List<String> tags)
            implements AccountEvent {}

    record Deposited(long amount, String currency, String channel) implements AccountEvent {}

    record Closed() implements AccountEvent {}

    static final UUID ID = UUID.fromString("8f6c2a38-5a0e-4a55-9a51-0d5d3c1f7a11");

    static EventCodec.Builder<AccountEvent> builder() {
        return EventCodec.builder(AccountEvent.class)
                .register(Opened.class, "AccountOpened", 1)
                .register(Deposited.class, "Deposited", 1)
                .register(Closed.class, "AccountClosed", 1);
    }

    /** An event as the store would hand it back, at version 3 of {@code account-1}. */
    static RecordedEvent recorded(EventData data) {
        return new RecordedEvent(
                StreamName.of("account-1"),
                3,
                Position.of(42),
                data.id(),
                data.type(),
                data.data(),
                data.metadata(),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** A stored event written by hand, as an older version of the code (or another client) wrote it. */
    static RecordedEvent stored(String type, String dataJson, String metadataJson) {
        return recorded(EventData.of(
                ID, type, dataJson.getBytes(StandardCharsets.UTF_8), metadataJson.getBytes(StandardCharsets.UTF_8)));
    }

    private TestEvents() {}
}
