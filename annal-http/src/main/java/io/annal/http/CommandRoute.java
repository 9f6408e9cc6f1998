package io.annal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.command.CommandContext;
import io.annal.command.CommandResult;

/**
 * One command type served at {@code POST /commands/{commandType}}: reads the command from its JSON
 * body and runs it. Throws {@link CommandInputException} for a body that is not the command.
 */
@FunctionalInterface
public interface CommandRoute {
    CommandResult handle(JsonNode body, CommandContext context);
}
