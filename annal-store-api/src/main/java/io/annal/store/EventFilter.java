package io.annal.store;

import java.util.List;
import java.util.Set;

/**
 * Selects events by type and by stream-name prefix. An empty set means "any": the default filter
 * selects everything. An event is selected when both its type and its stream match.
 */
public record EventFilter(Set<String> types, List<String> streamPrefixes) {

    private static final EventFilter ALL = new EventFilter(Set.of(), List.of());

    public EventFilter {
        types = Set.copyOf(types);
        streamPrefixes = List.copyOf(streamPrefixes);
    }

    public static EventFilter all() {
        return ALL;
    }

    public static EventFilter types(String... types) {
        return new EventFilter(Set.of(types), List.of());
    }

    public static EventFilter streamPrefixes(String... prefixes) {
        return new EventFilter(Set.of(), List.of(prefixes));
    }

    public EventFilter withTypes(Set<String> newTypes) {
        return new EventFilter(newTypes, streamPrefixes);
    }

    public EventFilter withStreamPrefixes(List<String> prefixes) {
        return new EventFilter(types, prefixes);
    }

    public boolean selectsAll() {
        return types.isEmpty() && streamPrefixes.isEmpty();
    }

    public boolean matches(StreamName stream, String type) {
        return (types.isEmpty() || types.contains(type)) && matchesStream(stream);
    }

    public boolean matches(RecordedEvent event) {
        return matches(event.stream(), event.type());
    }

    private boolean matchesStream(StreamName stream) {
        if (streamPrefixes.isEmpty()) {
            return true;
        }
        for (String prefix : streamPrefixes) {
            if (stream.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
