package io.annal.codec;

/** An event to encode whose class has no registered type name. */
public final class UnregisteredEventClassException extends CodecException {

    private static final long serialVersionUID = 1L;

    UnregisteredEventClassException(Class<?> eventClass) {
        super("no event type is registered for " + eventClass.getName() + ": add builder.register("
                + eventClass.getSimpleName() + ".class, \"" + eventClass.getSimpleName()
                + "\", 1) (the name is stored with every event: choose it once and keep it)");
    }
}
