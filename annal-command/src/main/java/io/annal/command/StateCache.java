package io.annal.command;

import io.annal.store.StreamName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The hot states of recently used streams, least recently used out first, bounded by entries.
 * A cached state may be stale when another process wrote the stream; that is safe because an
 * append on top of it expects the cached version and fails if the stream moved on, and because
 * the runtime re-reads the stream before it trusts a cached state for a rejection. One gap: an
 * exact expected version survives a soft delete (see docs/store-semantics.md), so a state cached
 * before a stream was soft-deleted can still be appended to; evict the stream
 * ({@link CommandHandler#evict}) when deleting it through the admin API. Guarded by
 * its own lock: entries are tiny and the critical sections a map operation each.
 */
final class StateCache<S> {

    private final int maxEntries;
    private final LinkedHashMap<StreamName, Loaded<S>> entries;

    StateCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<StreamName, Loaded<S>> eldest) {
                return size() > StateCache.this.maxEntries;
            }
        };
    }

    Optional<Loaded<S>> get(StreamName stream) {
        if (maxEntries == 0) {
            return Optional.empty();
        }
        synchronized (entries) {
            return Optional.ofNullable(entries.get(stream)).map(Loaded::cached);
        }
    }

    /** Keeps {@code loaded} unless a newer version of the stream is already cached. */
    void put(Loaded<S> loaded) {
        if (maxEntries == 0 || loaded.version().isEmpty()) {
            return;
        }
        long version = loaded.version().getAsLong();
        synchronized (entries) {
            entries.merge(loaded.stream(), loaded, (old, neu) -> old.version().orElse(-1) > version ? old : neu);
        }
    }

    void remove(StreamName stream) {
        if (maxEntries == 0) {
            return;
        }
        synchronized (entries) {
            entries.remove(stream);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
