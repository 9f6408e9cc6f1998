package io.annal.process;

import io.annal.command.CommandContext;
import io.annal.command.CommandHandler;
import io.annal.command.CommandResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Sends a process's commands to the handlers that own them. A process usually drives several
 * deciders (a transfer moves money between accounts and records its own steps), so commands are
 * routed by their class.
 */
@FunctionalInterface
public interface CommandRouter<C> {

    /**
     * Sends {@code command} with {@code context}, which carries its deterministic id. Throwing means
     * the command could not be delivered now; the runtime tries it again later with the same id.
     */
    CommandResult send(C command, CommandContext context);

    static <C> Builder<C> builder() {
        return new Builder<>();
    }

    /** Routes by command class; the first route whose class matches wins. */
    final class Builder<C> {

        private final Map<Class<?>, CommandRouter<Object>> routes = new LinkedHashMap<>();

        private Builder() {}

        public <X> Builder<C> route(Class<X> commandClass, CommandHandler<? super X, ?, ?> handler) {
            Objects.requireNonNull(handler, "handler");
            routes.put(commandClass, (command, context) -> handler.handle(commandClass.cast(command), context));
            return this;
        }

        public CommandRouter<C> build() {
            Map<Class<?>, CommandRouter<Object>> ordered = new LinkedHashMap<>(routes);
            return (command, context) -> {
                for (var route : ordered.entrySet()) {
                    if (route.getKey().isInstance(command)) {
                        return route.getValue().send(command, context);
                    }
                }
                throw new IllegalArgumentException(
                        "no handler for " + command.getClass().getName() + "; routes exist for " + ordered.keySet());
            };
        }
    }
}
