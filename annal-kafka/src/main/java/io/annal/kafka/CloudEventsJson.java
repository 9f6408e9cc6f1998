package io.annal.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/** Integration events as structured-mode CloudEvents 1.0 JSON, the value of every Kafka record. */
public final class CloudEventsJson {

    private static final JsonFormat FORMAT = new JsonFormat();
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String JSON = "application/json";

    private CloudEventsJson() {}

    /**
     * Writes the structured form directly, as the SDK's serializer would (attributes, then the JSON
     * data as a raw value), without building a {@code CloudEvent} first: the relay encodes every
     * published event, and the SDK's path (builder, URI, two time formats, a regex on the content
     * type) was most of its CPU. Times are RFC 3339 with at least milliseconds, as everywhere in
     * Annal.
     */
    public static byte[] encode(IntegrationEvent event) {
        String data = event.dataAsString();
        ByteArrayOutputStream out = new ByteArrayOutputStream(224 + data.length());
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("specversion", "1.0");
            json.writeStringField("id", event.id().toString());
            json.writeStringField("source", event.source());
            json.writeStringField("type", event.type());
            json.writeStringField("datacontenttype", JSON);
            json.writeStringField("subject", event.subject());
            json.writeStringField("time", rfc3339(event.time()));
            if (!data.isEmpty()) {
                json.writeFieldName("data");
                json.writeRawValue(data);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write integration event " + event.id(), e);
        }
        return out.toByteArray();
    }

    /** RFC 3339 in UTC with milliseconds, or micro- or nanoseconds when the instant has them. */
    @SuppressWarnings("JavaInstantGetSecondsGetNano") // only whether there is a fraction matters
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
