package io.annal.http;

import java.util.Objects;

/** An authenticated caller: a name for logs and rate limits, and the strongest role it holds. */
public record Caller(String name, Role role) {
    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}
