package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangeMarksTest {

    @Test
    void a_key_reads_its_latest_change_and_an_unchanged_key_none() {
        ChangeMarks marks = new ChangeMarks(10);

        marks.changed("a-1", 7);
        marks.changed("a-1", 5);

        assertThat(marks.changedAt("a-1")).isEqualTo(7);
        assertThat(marks.changedAt("b-1")).isEqualTo(-1);
    }

    @Test
    void past_its_bound_it_forgets_keys_but_never_understates_a_change() {
        long seed = System.nanoTime();
        System.out.println("ChangeMarksTest seed=" + seed);
        Random random = new Random(seed);
        ChangeMarks marks = new ChangeMarks(50);
        Map<String, Long> latest = new HashMap<>();
        long position = 0;

        for (int i = 0; i < 5_000; i++) {
            String key = "acct-" + random.nextInt(400);
            position += 1 + random.nextInt(3);
            marks.changed(key, position);
            latest.put(key, position);

            assertThat(marks.size()).isLessThanOrEqualTo(50);
            String probe = "acct-" + random.nextInt(400);
            assertThat(marks.changedAt(probe))
                    .as("seed %d, key %s", seed, probe)
                    .isGreaterThanOrEqualTo(latest.getOrDefault(probe, -1L));
        }
        assertThat(marks.changedAt("acct-never")).isLessThanOrEqualTo(position);
    }
}
