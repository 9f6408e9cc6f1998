package io.annal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.ExpectedVersion;
import io.annal.store.StreamName;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StateCacheTest {

    private static Loaded<String> state(String stream, long version) {
        return new Loaded<>(
                StreamName.of(stream),
                stream + "@" + version,
                OptionalLong.of(version),
                Optional.of(UUID.randomUUID()),
                ExpectedVersion.exact(version),
                -1,
                false);
    }

    @Test
    void the_least_recently_used_entry_goes_first() {
        StateCache<String> cache = new StateCache<>(2);
        cache.put(state("a", 1));
        cache.put(state("b", 1));
        cache.get(StreamName.of("a"));
        cache.put(state("c", 1));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(StreamName.of("b"))).isEmpty();
        assertThat(cache.get(StreamName.of("a"))).get().matches(Loaded::fromCache);
    }

    @Test
    void an_older_version_never_replaces_a_newer_one() {
        StateCache<String> cache = new StateCache<>(10);
        cache.put(state("a", 5));
        cache.put(state("a", 3));

        assertThat(cache.get(StreamName.of("a")).orElseThrow().state()).isEqualTo("a@5");
    }

    @Test
    void size_zero_keeps_nothing() {
        StateCache<String> cache = new StateCache<>(0);
        cache.put(state("a", 1));

        assertThat(cache.get(StreamName.of("a"))).isEmpty();
    }
}
