package io.annal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandContextTest {

    @Test
    void a_reaction_gets_the_same_command_id_every_time_and_is_caused_by_its_event() {
        UUID event = UUID.fromString("8d6f6c2e-6f53-4b9e-9a51-0b3b7f4f2a10");

        CommandContext first = CommandContext.reactingTo(event, 0);

        assertThat(CommandContext.reactingTo(event, 0)).isEqualTo(first);
        assertThat(CommandContext.reactingTo(event, 1).commandId()).isNotEqualTo(first.commandId());
        assertThat(first.causationId()).hasValue(event.toString());
        assertThat(first.commandId()).isPresent();
    }

    @Test
    void withers_keep_the_other_fields() {
        CommandContext context =
                CommandContext.withCommandId("c").correlationId("r").userId("u").causationId("e");

        assertThat(context.commandId()).hasValue("c");
        assertThat(context.correlationId()).hasValue("r");
        assertThat(context.userId()).hasValue("u");
        assertThat(context.causationId()).hasValue("e");
        assertThat(CommandContext.none().commandId()).isEmpty();
    }

    @Test
    void blank_or_overlong_command_ids_are_refused() {
        assertThatThrownBy(() -> CommandContext.withCommandId(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandContext.withCommandId("x".repeat(CommandContext.MAX_COMMAND_ID_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 200 characters");
    }
}
