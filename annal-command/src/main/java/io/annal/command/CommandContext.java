package io.annal.command;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who sent a command and why, carried into every event's metadata. A {@code commandId} (an HTTP
 * {@code Idempotency-Key}, or an id a process manager derives deterministically) makes the
 * command idempotent: sent again, it returns the first outcome and appends nothing. Without one
 * the runtime makes up an id for the causation chain only.
 */
public record CommandContext(
        Optional<String> commandId,
        Optional<String> correlationId,
        Optional<String> causationId,
        Optional<String> userId) {

    /** The longest command id, in characters. */
    public static final int MAX_COMMAND_ID_LENGTH = 200;

    private static final CommandContext NONE =
            new CommandContext(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public CommandContext {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
        Objects.requireNonNull(userId, "userId");
        commandId.ifPresent(CommandContext::checkCommandId);
    }

    /** No id, no correlation, no user. */
    public static CommandContext none() {
        return NONE;
    }

    /** An idempotent command. */
    public static CommandContext withCommandId(String commandId) {
        return NONE.commandId(commandId);
    }

    /**
     * The context of the {@code index}-th command a process manager sends in reaction to the
     * event {@code causingEventId}. The command id is derived from both, so a process that
     * replays its history sends the same ids again and every step takes effect once.
     */
    public static CommandContext reactingTo(UUID causingEventId, int index) {
        String id = SystemStreams.nameId("reaction", causingEventId.toString(), Integer.toString(index))
                .toString();
        return NONE.commandId(id).causationId(causingEventId.toString());
    }

    public CommandContext commandId(String id) {
        return new CommandContext(Optional.of(id), correlationId, causationId, userId);
    }

    public CommandContext correlationId(String id) {
        return new CommandContext(commandId, Optional.of(id), causationId, userId);
    }

    /** What caused the command when it is not the command itself, such as the event a process reacted to. */
    public CommandContext causationId(String id) {
        return new CommandContext(commandId, correlationId, Optional.of(id), userId);
    }

    public CommandContext userId(String id) {
        return new CommandContext(commandId, correlationId, causationId, Optional.of(id));
    }

    private static void checkCommandId(String id) {
        if (id.isBlank() || id.length() > MAX_COMMAND_ID_LENGTH) {
            throw new IllegalArgumentException("a command id is 1 to " + MAX_COMMAND_ID_LENGTH
                    + " characters and not blank (got " + id.length() + " characters)");
        }
    }
}
