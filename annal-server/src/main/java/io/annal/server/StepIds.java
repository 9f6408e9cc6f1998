package io.annal.server;

import io.annal.command.CommandContext;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Command ids for the steps of a flow: readable when short, a name-based UUID when too long. */
final class StepIds {

    private StepIds() {}

    static CommandContext context(CommandContext request, String id) {
        String commandId = id.length() <= CommandContext.MAX_COMMAND_ID_LENGTH
                ? id
                : UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString();
        CommandContext context = CommandContext.withCommandId(commandId);
        return request.correlationId().map(context::correlationId).orElse(context);
    }
}
