package io.annal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void ids_are_version_7_with_the_ietf_variant_and_the_time_they_were_made() {
        long before = System.currentTimeMillis();
        UUID id = EventIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void ids_made_on_many_threads_are_distinct() throws Exception {
        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 200; t++) {
                threads.submit(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        ids.add(EventIds.next());
                    }
                });
            }
        }
        assertThat(ids).hasSize(200_000);
    }

    @Test
    void ids_of_a_later_millisecond_sort_after_earlier_ones() throws Exception {
        UUID first = EventIds.next();
        long made = first.getMostSignificantBits() >>> 16;
        while (System.currentTimeMillis() == made) {
            Thread.onSpinWait();
        }
        UUID later = EventIds.next();

        assertThat(Long.compareUnsigned(later.getMostSignificantBits(), first.getMostSignificantBits()))
                .isPositive();
        assertThat(later.toString()).isGreaterThan(first.toString());
    }
}
