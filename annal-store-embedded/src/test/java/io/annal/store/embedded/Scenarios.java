package io.annal.store.embedded;

import io.annal.store.EventData;
import java.util.ArrayList;
import java.util.List;

/** Event builders for scavenge tests: about 1 KiB each, so that a 64 KiB segment holds ~50. */
final class Scenarios {

    private Scenarios() {}

    static List<EventData> big(int count) {
        List<EventData> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(Events.event("Big", "\"" + "z".repeat(1000) + "\""));
        }
        return events;
    }
}
