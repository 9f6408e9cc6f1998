package io.annal.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The position of each key's latest change, in bounded memory: past {@code maxEntries} keys it
 * forgets them all and lets the highest position seen stand for every key. That never understates
 * a key's change, which is what keeps a cache checked against it from serving a stale entry; it
 * only makes entries read before the forgetting be read once more.
 */
final class ChangeMarks {

    private record Generation(Map<String, Long> marks, long floor) {}

    private final int maxEntries;
    private volatile Generation current = new Generation(new ConcurrentHashMap<>(), -1);
    private long highest = -1;

    ChangeMarks(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** Notes a change of {@code key} at {@code position}; synchronized for a rebuild beside the served model. */
    synchronized void changed(String key, long position) {
        highest = Math.max(highest, position);
        Generation generation = current;
        if (generation.marks().size() >= maxEntries && !generation.marks().containsKey(key)) {
            // A new map, not a cleared one: a reader holds either the old marks or the new floor.
            generation = new Generation(new ConcurrentHashMap<>(), highest);
            current = generation;
        }
        generation.marks().merge(key, position, Math::max);
    }

    /** The position of the latest change of {@code key}, or a later one; -1 when none was noted. */
    long changedAt(String key) {
        Generation generation = current;
        return generation.marks().getOrDefault(key, generation.floor());
    }

    int size() {
        return current.marks().size();
    }
}
