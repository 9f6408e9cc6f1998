package io.annal.kafka;

import io.annal.store.RecordedEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which stored events are published, and as what: a mapping per event type to a domain, a
 * contract version and a payload. Events of types it does not name stay inside the service.
 * Immutable.
 */
public final class IntegrationContract {

    private static final Pattern DOMAIN = Pattern.compile("[a-z][a-z0-9]*");

    private record Mapping(String type, String source, PayloadMapper payload) {}

    private final Map<String, Mapping> byEventType;

    private IntegrationContract(Map<String, Mapping> byEventType) {
        this.byEventType = Map.copyOf(byEventType);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every event of the HTTP API's reference domains, as stored, as version 1 of its contract. */
    public static IntegrationContract referenceDomains() {
        Builder b = builder();
        for (String type : new String[] {
            "AccountOpened", "Deposited", "Withdrew", "AccountClosed",
            "TransferStarted", "TransferDebited", "TransferCompleted", "TransferFailed"
        }) {
            b.publish(type, "bank", 1, PayloadMapper.asStored());
        }
        for (String type : new String[] {
            "OrderCreated",
            "ItemAdded",
            "ItemRemoved",
            "OrderConfirmed",
            "OrderReadyToShip",
            "OrderRejected",
            "OrderShipped",
            "StockAdded",
            "StockReserved",
            "StockReleased"
        }) {
            b.publish(type, "orders", 1, PayloadMapper.asStored());
        }
        return b.build();
    }

    /** The stored event types this contract publishes. */
    public Set<String> eventTypes() {
        return byEventType.keySet();
    }

    /** The integration event for {@code event}, empty when its type is not published. */
    public Optional<IntegrationEvent> map(RecordedEvent event) {
        Mapping mapping = byEventType.get(event.type());
        if (mapping == null) {
            return Optional.empty();
        }
        return Optional.of(IntegrationEvent.of(
                event.id(),
                mapping.type(),
                mapping.source(),
                event.stream().value(),
                event.recordedAt(),
                mapping.payload().payload(event)));
    }

    public static final class Builder {

        private final Map<String, Mapping> mappings = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Publishes stored events of {@code eventType} as {@code io.annal.<domain>.<eventType>.v<version>}
         * from source {@code /annal/<domain>}, with the payload {@code mapper} makes.
         */
        public Builder publish(String eventType, String domain, int version, PayloadMapper mapper) {
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(mapper, "mapper");
            if (!DOMAIN.matcher(Objects.requireNonNull(domain, "domain")).matches()) {
                throw new IllegalArgumentException("a domain is lower-case letters and digits, not '" + domain + "'");
            }
            if (version < 1) {
                throw new IllegalArgumentException("contract versions count from 1 (got " + version + ")");
            }
            if (mappings.containsKey(eventType)) {
                throw new IllegalArgumentException(eventType + " is published once; give the new shape a new version");
            }
            mappings.put(
                    eventType,
                    new Mapping("io.annal." + domain + "." + eventType + ".v" + version, "/annal/" + domain, mapper));
            return this;
        }

        public IntegrationContract build() {
            return new IntegrationContract(mappings);
        }
    }
}
