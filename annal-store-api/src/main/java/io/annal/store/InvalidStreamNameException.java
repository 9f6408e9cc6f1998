package io.annal.store;

/** A stream name broke the naming rules of {@link StreamName}. */
public final class InvalidStreamNameException extends EventStoreException {

    private static final long serialVersionUID = 1L;

    public InvalidStreamNameException(String name, String problem) {
        super("invalid stream name " + quote(name) + ": " + problem);
    }

    private static String quote(String name) {
        if (name == null) {
            return "(none)";
        }
        String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
