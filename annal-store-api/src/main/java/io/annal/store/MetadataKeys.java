package io.annal.store;

/**
 * The standard keys of an event's metadata JSON object. Any other key is kept exactly as given.
 */
public final class MetadataKeys {

    /** Groups every event caused, directly or not, by one request. */
    public static final String CORRELATION_ID = "correlationId";

    /** The command or event that directly caused this event. */
    public static final String CAUSATION_ID = "causationId";

    /** Who asked for the change. */
    public static final String USER_ID = "userId";

    private MetadataKeys() {}
}
