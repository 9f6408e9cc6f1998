package io.annal.store.tck;

import io.annal.store.EventData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Events to append in scenarios. */
final class Events {

    static final String TYPE = "Tested";

    private Events() {}

    static EventData event(String type, String json) {
        return EventData.of(UUID.randomUUID(), type, bytes(json), bytes("{\"source\":\"tck\"}"));
    }

    static EventData event(String type) {
        return event(type, "{}");
    }

    static EventData event() {
        return event(TYPE);
    }

    static List<EventData> events(int count) {
        return events(TYPE, count);
    }

    static List<EventData> events(String type, int count) {
        List<EventData> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(type, "{\"n\":" + i + "}"));
        }
        return events;
    }

    /** An event of exactly {@code size} bytes of data plus metadata. */
    static EventData ofSize(int size) {
        int metadata = Math.min(16, size);
        return EventData.of(UUID.randomUUID(), TYPE, new byte[size - metadata], new byte[metadata]);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
