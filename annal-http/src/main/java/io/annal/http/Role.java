package io.annal.http;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do: read; read and write; or everything, the admin endpoints included. */
public enum Role {
    READER,
    WRITER,
    ADMIN;

    /** Whether this role includes {@code needed}: an admin may write, a writer may read. */
    public boolean includes(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    public static Optional<Role> parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "reader", "read" -> Optional.of(READER);
            case "writer", "write" -> Optional.of(WRITER);
            case "admin" -> Optional.of(ADMIN);
            default -> Optional.empty();
        };
    }
}
