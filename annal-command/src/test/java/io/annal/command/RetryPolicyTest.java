package io.annal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void delays_grow_with_each_retry_and_stay_under_the_cap() {
        long seed = new Random().nextLong();
        System.out.println("RetryPolicyTest seed: " + seed);
        Random random = new Random(seed);
        RetryPolicy policy = new RetryPolicy(100, Duration.ofMillis(1), Duration.ofMillis(20));

        for (int retry = 1; retry < 100; retry++) {
            long ceiling = Math.min(20, 1L << Math.min(retry - 1, 40));
            assertThat(policy.delayBefore(retry, random)).isBetween(Duration.ZERO, Duration.ofMillis(ceiling));
        }
    }

    @Test
    void no_delay_configured_means_no_wait() {
        assertThat(new RetryPolicy(3, Duration.ZERO, Duration.ZERO).delayBefore(2, new Random(1)))
                .isZero();
    }

    @Test
    void nonsense_settings_are_refused() {
        assertThatThrownBy(() -> RetryPolicy.attempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
