package io.annal.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.time.ZoneOffset;
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
        return FORMAT.serialize(cloudEvent);
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
