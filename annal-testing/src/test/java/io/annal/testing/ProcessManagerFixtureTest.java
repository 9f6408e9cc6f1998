package io.annal.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.testing.Bank.Open;
import io.annal.testing.Bank.RefundProcess;
import io.annal.testing.Bank.Withdrew;
import org.junit.jupiter.api.Test;

class ProcessManagerFixtureTest {

    private final ProcessManagerFixture<Bank.Event, Integer, Bank.Command> fixture =
            ProcessManagerFixture.of(new RefundProcess());

    @Test
    void the_expected_commands_pass() {
        fixture.given(new Withdrew(5)).when(new Withdrew(150)).then(new Open("refund-150"));
    }

    @Test
    void an_event_it_ignores_sends_nothing() {
        fixture.when(new Withdrew(5)).thenNothingIsSent();
    }

    @Test
    void a_terminal_process_reacts_to_nothing() {
        fixture.given(new Withdrew(101), new Withdrew(102))
                .when(new Withdrew(150))
                .thenNothingIsSent();
    }

    @Test
    void the_state_after_the_event_can_be_checked() {
        fixture.when(new Withdrew(150)).thenState(count -> assertThat(count).isEqualTo(1));
    }

    @Test
    void wrong_commands_fail_showing_expected_and_actual() {
        assertThatThrownBy(() -> fixture.when(new Withdrew(150)).then(new Open("refund-15")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected:\n  Open[owner=refund-15]")
                .hasMessageContaining("but was:\n  Open[owner=refund-150]");
        assertThatThrownBy(() -> fixture.when(new Withdrew(150)).thenNothingIsSent())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("(none)");
    }
}
