package io.annal.process;

import java.util.Objects;

/**
 * A command the runtime is about to send: recorded in the process's history, not yet answered.
 * {@code commandId} is derived from the process, the input that asked for it and its place among
 * that input's commands, so sending it again can never apply it twice. {@code correlationId} is
 * the input's, so that the events the command causes are found with the event that started it.
 */
public record PendingCommand<C>(String processId, String commandId, String correlationId, C command) {

    public PendingCommand {
        Objects.requireNonNull(processId, "processId");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(command, "command");
    }
}
