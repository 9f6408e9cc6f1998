package io.annal.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IntegrationContractTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00.123Z");

    @Test
    void a_published_type_becomes_a_versioned_integration_event_of_its_domain() {
        RecordedEvent deposited = recorded("account-a", "Deposited", "{\"amount\":5}");

        IntegrationEvent published =
                IntegrationContract.referenceDomains().map(deposited).orElseThrow();

        assertThat(published)
                .isEqualTo(IntegrationEvent.of(
                        deposited.id(),
                        "io.annal.bank.Deposited.v1",
                        "/annal/bank",
                        "account-a",
                        AT,
                        "{\"amount\":5}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_type_the_contract_does_not_name_stays_inside() {
        assertThat(IntegrationContract.referenceDomains().map(recorded("account-a", "InternalNote", "{}")))
                .isEmpty();
    }

    @Test
    void a_new_version_keeps_its_own_payload_apart_from_the_domain_event() {
        IntegrationContract v2 = IntegrationContract.builder()
                .publish("Deposited", "bank", 2, event -> "{\"amountInCents\":5}".getBytes(StandardCharsets.UTF_8))
                .build();

        IntegrationEvent published =
                v2.map(recorded("account-a", "Deposited", "{\"amount\":5}")).orElseThrow();

        assertThat(published.type()).isEqualTo("io.annal.bank.Deposited.v2");
        assertThat(published.dataAsString()).isEqualTo("{\"amountInCents\":5}");
    }

    @Test
    void an_event_type_is_published_once() {
        var builder = IntegrationContract.builder().publish("Deposited", "bank", 1, PayloadMapper.asStored());

        assertThatThrownBy(() -> builder.publish("Deposited", "bank", 2, PayloadMapper.asStored()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("published once");
    }

    @Test
    void cloud_events_json_round_trips_an_integration_event() {
        IntegrationEvent event = IntegrationContract.referenceDomains()
                .map(recorded("order-o", "OrderRejected", "{\"reason\":\"out of p2\"}"))
                .orElseThrow();

        String json = new String(CloudEventsJson.encode(event), StandardCharsets.UTF_8);

        assertThat(json)
                .contains("\"specversion\":\"1.0\"")
                .contains("\"data\":{\"reason\":\"out of p2\"}")
                .contains("\"time\":\"2026-03-01T12:00:00.123Z\"");
        assertThat(CloudEventsJson.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(event);
    }

    @Test
    void the_direct_encoding_is_the_cloud_events_sdk_structured_json() throws Exception {
        IntegrationEvent event = IntegrationEvent.of(
                UUID.randomUUID(),
                "io.annal.bank.Deposited.v1",
                "/annal/bank",
                "account-\"quoted\"-é",
                Instant.parse("2026-03-01T12:00:00.123456789Z"),
                "{\"amount\":5,\"note\":[1,\"two\"]}".getBytes(StandardCharsets.UTF_8));
        byte[] sdk = new io.cloudevents.jackson.JsonFormat()
                .serialize(io.cloudevents.core.builder.CloudEventBuilder.v1()
                        .withId(event.id().toString())
                        .withType(event.type())
                        .withSource(java.net.URI.create(event.source()))
                        .withSubject(event.subject())
                        .withTime(event.time().atOffset(java.time.ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .withData("application/json", event.data())
                        .build());
        var json = new com.fasterxml.jackson.databind.ObjectMapper();

        assertThat(json.readTree(CloudEventsJson.encode(event))).isEqualTo(json.readTree(sdk));
    }

    @Test
    void the_time_attribute_always_carries_milliseconds() {
        for (String at :
                new String[] {"2026-03-01T12:00:00Z", "2026-03-01T12:00:00.400Z", "2026-03-01T12:00:00.000001Z"}) {
            IntegrationEvent event = IntegrationEvent.of(
                    UUID.randomUUID(),
                    "io.annal.bank.Deposited.v1",
                    "/annal/bank",
                    "account-a",
                    Instant.parse(at),
                    "{}".getBytes(StandardCharsets.UTF_8));

            String json = new String(CloudEventsJson.encode(event), StandardCharsets.UTF_8);

            assertThat(json).containsPattern("\"time\":\"2026-03-01T12:00:00\\.\\d{3,9}Z\"");
            assertThat(CloudEventsJson.decode(json.getBytes(StandardCharsets.UTF_8))
                            .time())
                    .isEqualTo(Instant.parse(at));
        }
    }

    @Test
    void default_routes_send_bank_and_orders_streams_to_their_topics() {
        TopicRoutes routes = TopicRoutes.defaults();

        assertThat(routes.topicOf(StreamName.of("account-1"))).contains("annal.bank");
        assertThat(routes.topicOf(StreamName.of("transfer-1"))).contains("annal.bank");
        assertThat(routes.topicOf(StreamName.of("order-1"))).contains("annal.orders");
        assertThat(routes.topicOf(StreamName.of("inventory-p1"))).contains("annal.orders");
        assertThat(routes.topicOf(StreamName.of("cart-1"))).isEmpty();
    }

    private static RecordedEvent recorded(String stream, String type, String json) {
        return new RecordedEvent(
                StreamName.of(stream),
                0,
                Position.of(7),
                UUID.randomUUID(),
                type,
                json.getBytes(StandardCharsets.UTF_8),
                new byte[0],
                AT);
    }
}
