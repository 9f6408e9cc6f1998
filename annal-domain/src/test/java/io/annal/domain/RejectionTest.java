package io.annal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RejectionTest {

    @Test
    void kebab_case_codes_are_accepted() {
        assertThat(Rejection.of("insufficient-funds", "balance is 3").code()).isEqualTo("insufficient-funds");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "Insufficient", "insufficient_funds", "-leading", "trailing-", "two--dashes", "space s"})
    void codes_that_are_not_lower_kebab_case_are_refused_with_an_example(String code) {
        assertThatThrownBy(() -> Rejection.of(code, "message"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("insufficient-funds");
    }
}
