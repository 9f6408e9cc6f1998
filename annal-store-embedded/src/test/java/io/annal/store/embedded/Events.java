package io.annal.store.embedded;

import io.annal.store.EventData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Small event builders for tests. */
final class Events {

    private Events() {}

    static EventData event(String type, String json) {
        return EventData.of(
                UUID.randomUUID(), type, json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }

    static List<EventData> events(int count) {
        List<EventData> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event("Happened", "{\"n\":" + i + "}"));
        }
        return events;
    }
}
