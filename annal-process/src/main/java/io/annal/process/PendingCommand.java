package io.annal.process;

import java.util.Objects;

/**
 * A command the runtime is about to send: recorded in the process's history, not yet answered.
 * {@code commandId} is derived from the process, the input that asked for it and its place among
 * that input's commands, so sending it again can never apply it twice.
 */
public record PendingCommand<C>(String processId, String commandId, C command) {

    public PendingCommand {
        Objects.requireNonNull(processId, "processId");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(command, "command");
    }
}
