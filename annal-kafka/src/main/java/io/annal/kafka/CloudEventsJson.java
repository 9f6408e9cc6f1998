package io.annal.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Integration events as structured-mode CloudEvents 1.0 JSON, the value of every Kafka record. */
public final class CloudEventsJson {

    private static final JsonFormat FORMAT = new JsonFormat();
    private static final String JSON = "application/json";

    private CloudEventsJson() {}

    public static byte[] encode(IntegrationEvent event) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.id().toString())
                .withType(event.type())
                .withSource(URI.create(event.source()))
                .withSubject(event.subject())
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withData(JSON, event.data())
                .build();
        return withMillisecondTime(FORMAT.serialize(cloudEvent), cloudEvent.getTime());
    }

    /**
     * The SDK writes {@code 12:00:00.4Z} for 400 ms and {@code 12:00:00Z} for none; recorded times
     * are RFC 3339 with at least milliseconds everywhere in Annal, so the attribute is rewritten.
     * The context attributes are written before {@code data}, so the first match is the attribute.
     */
    private static byte[] withMillisecondTime(byte[] json, OffsetDateTime time) {
        String text = new String(json, StandardCharsets.UTF_8);
        String written = "\"time\":\"" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time) + "\"";
        int at = text.indexOf(written);
        if (at < 0) {
            return json;
        }
        String wanted = "\"time\":\"" + rfc3339(time.toInstant()) + "\"";
        return (text.substring(0, at) + wanted + text.substring(at + written.length()))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 3339 in UTC with milliseconds, or micro- or nanoseconds when the instant has them. */
    static String rfc3339(Instant instant) {
        String iso = instant.toString(); // ISO_INSTANT: no fraction, or 3, 6 or 9 digits
        return instant.getNano() == 0 ? iso.substring(0, iso.length() - 1) + ".000Z" : iso;
    }

    /**
     * Reads one record's value.
     *
     * @throws IllegalArgumentException the value is not a CloudEvent with an id, subject and time
     */
    public static IntegrationEvent decode(byte[] value) {
        CloudEvent event;
        try {
            event = FORMAT.deserialize(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a CloudEvent in structured JSON: " + e.getMessage(), e);
        }
        if (event.getSubject() == null || event.getTime() == null) {
            throw new IllegalArgumentException("integration event " + event.getId() + " lacks its subject or time");
        }
        CloudEventData data = event.getData();
        return IntegrationEvent.of(
                UUID.fromString(event.getId()),
                event.getType(),
                event.getSource().toString(),
                event.getSubject(),
                event.getTime().toInstant(),
                data == null ? new byte[0] : data.toBytes());
    }
}
