package io.annal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.command.CommandContext;
import io.annal.command.CommandResult;
import io.annal.store.StreamName;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One command type served at {@code POST /commands/{commandType}}: reads the command from its JSON
 * body and runs it. Throws {@link CommandInputException} for a body that is not the command.
 */
@FunctionalInterface
public interface CommandRoute {
    CommandResult handle(JsonNode body, CommandContext context);

    /**
     * The streams the command writes, read from its body before it runs, so that stream rules can
     * refuse it first. Empty when unknown: with stream rules on, only admins may then send it.
     */
    default List<StreamName> streams(JsonNode body) {
        return List.of();
    }

    /**
     * A route that reads the command with {@code read}, names the streams it writes with {@code
     * streams} (the command handler's command-to-stream mapping) and runs it with {@code run}.
     */
    static <C> CommandRoute of(
            Function<JsonNode, C> read,
            Function<C, List<StreamName>> streams,
            BiFunction<C, CommandContext, CommandResult> run) {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(run, "run");
        return new CommandRoute() {
            @Override
            public CommandResult handle(JsonNode body, CommandContext context) {
                return run.apply(read.apply(body), context);
            }

            @Override
            public List<StreamName> streams(JsonNode body) {
                return List.copyOf(streams.apply(read.apply(body)));
            }
        };
    }
}
