package io.annal.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostgresStoreConfigTest {

    private final PostgresStoreConfig config = PostgresStoreConfig.forUrl("jdbc:postgresql://localhost/x", "u", "p");

    @Test
    void by_default_a_stalled_horizon_is_reported_within_a_minute() {
        assertThat(config.stallThreshold().plus(config.stallCheckInterval()))
                .isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(config.schema()).isEqualTo("annal");
    }

    @Test
    void a_schema_name_that_is_not_a_plain_identifier_is_refused_before_connecting() {
        for (String bad : new String[] {"Annal", "a-b", "x\"; DROP SCHEMA public; --", "1st", "pg_mine", ""}) {
            assertThatThrownBy(() -> PostgresEventStore.open(config.withSchema(bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void committers_outside_one_to_the_maximum_are_refused_and_others_kept() {
        assertThat(config.committers()).isEqualTo(PostgresStoreConfig.DEFAULT_COMMITTERS);
        assertThat(config.withCommitters(4).committers()).isEqualTo(4);
        for (int bad : new int[] {0, -1, PostgresStoreConfig.MAX_COMMITTERS + 1}) {
            assertThatThrownBy(() -> config.withCommitters(bad))
                    .as("%d", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("committers must be between 1 and");
        }
    }
}
