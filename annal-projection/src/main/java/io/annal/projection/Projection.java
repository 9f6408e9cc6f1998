package io.annal.projection;

import io.annal.store.EventFilter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A read model's definition: its name, the version of its code, which events it reads, and the
 * handler that applies them. Raising {@code version} makes the manager rebuild it beside the one
 * that serves.
 *
 * @param name lower-case letters, digits and {@code _}, starting with a letter; stores use it in
 *     table and key names
 */
public record Projection<C>(String name, int version, EventFilter filter, ProjectionHandler<C> handler) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public Projection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(handler, "handler");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a projection name is 1 to 40 lower-case letters, digits or '_',"
                    + " starting with a letter (got '" + name + "')");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a projection version is 1 or more (got " + version + ")");
        }
    }

    public static <C> Projection<C> of(String name, int version, EventFilter filter, ProjectionHandler<C> handler) {
        return new Projection<>(name, version, filter, handler);
    }
}
