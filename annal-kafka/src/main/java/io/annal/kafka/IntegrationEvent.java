package io.annal.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as other services see it: the stable contract published to Kafka as a CloudEvent.
 * {@code id} is the stored event's id, which consumers deduplicate by; {@code type} names the
 * contract and its version ({@code io.annal.bank.Deposited.v1}); {@code data} is UTF-8 JSON.
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out, and compared by content below
public record IntegrationEvent(UUID id, String type, String source, String subject, Instant time, byte[] data) {

    public IntegrationEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        data = Objects.requireNonNull(data, "data").clone();
    }

    public static IntegrationEvent of(UUID id, String type, String source, String subject, Instant time, byte[] data) {
        return new IntegrationEvent(id, type, source, subject, time, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public String dataAsString() {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntegrationEvent other
                && id.equals(other.id)
                && type.equals(other.type)
                && source.equals(other.source)
                && subject.equals(other.subject)
                && time.equals(other.time)
                && java.util.Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "IntegrationEvent[" + type + " " + id + " " + subject + "]";
    }
}
