package io.annal.kafka;

import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamAppend;
import io.annal.store.StreamName;
import io.annal.store.WrongExpectedVersionException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A durable inbox in an event store: an integration event's effect (appends, such as a read
 * model's events or a command's outcome) and the record that it was received are written in one
 * atomic append. The record is the stream {@code $inbox-<name>-<eventId>}, created with expected
 * version "no stream", so a repeat of the event fails that check and appends nothing at all.
 */
public final class StoreInbox implements IntegrationListener {

    private final EventStore store;
    private final String prefix;
    private final Function<IntegrationEvent, List<StreamAppend>> effects;
    private final AtomicLong repeats = new AtomicLong();

    private StoreInbox(EventStore store, String name, Function<IntegrationEvent, List<StreamAppend>> effects) {
        this.store = Objects.requireNonNull(store, "store");
        this.prefix = "$inbox-" + Objects.requireNonNull(name, "name") + "-";
        this.effects = Objects.requireNonNull(effects, "effects");
    }

    /** An inbox named {@code name} whose effect of each event is {@code effects} (possibly none). */
    public static StoreInbox of(EventStore store, String name, Function<IntegrationEvent, List<StreamAppend>> effects) {
        return new StoreInbox(store, name, effects);
    }

    @Override
    public void onEvent(IntegrationEvent event) {
        receive(event);
    }

    /** Applies the event's effect unless it was received before; true when it was applied now. */
    public boolean receive(IntegrationEvent event) {
        StreamName marker = StreamName.system(prefix + event.id());
        List<StreamAppend> parts = new ArrayList<>(effects.apply(event));
        // A fresh id, not the event's: a repeat must fail the "no stream" check rather than pass
        // as an idempotent retry of the marker, which would let the effects through again.
        byte[] data = ("{\"type\":\"" + event.type().replace("\"", "") + "\"}").getBytes(StandardCharsets.UTF_8);
        parts.add(StreamAppend.of(
                marker, ExpectedVersion.noStream(), List.of(EventData.of("IntegrationEventReceived", data))));
        try {
            store.appendAtomically(parts);
            return true;
        } catch (WrongExpectedVersionException e) {
            if (e.stream().equals(marker) || isReceived(event)) {
                repeats.incrementAndGet();
                return false;
            }
            throw e;
        }
    }

    /** Whether the event's effect has been applied. */
    public boolean isReceived(IntegrationEvent event) {
        return store.info(StreamName.system(prefix + event.id())).isPresent();
    }

    /** How many repeats this inbox has turned away since it was made. */
    public long repeatsDropped() {
        return repeats.get();
    }
}
