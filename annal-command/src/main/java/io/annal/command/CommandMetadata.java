package io.annal.command;

/**
 * The metadata keys the command runtime writes on every event, besides the standard ones of
 * {@link io.annal.store.MetadataKeys} ({@code correlationId}, {@code causationId}, {@code userId}).
 */
public final class CommandMetadata {

    /** When the runtime handled the command, from its injected clock (ISO-8601, UTC). */
    public static final String ISSUED_AT = "issuedAt";

    /** The id of the command that produced the event. */
    public static final String COMMAND_ID = "commandId";

    private CommandMetadata() {}
}
