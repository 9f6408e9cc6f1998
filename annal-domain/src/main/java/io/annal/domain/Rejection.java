package io.annal.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A command refused by the domain. {@code code} is stable and machine-readable, in lower-case
 * kebab case ({@code insufficient-funds}); clients branch on it. {@code message} is for people and
 * may change.
 */
public record Rejection(String code, String message) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "rejection code '" + code + "' must be lower-case kebab case, such as 'insufficient-funds'");
        }
    }

    public static Rejection of(String code, String message) {
        return new Rejection(code, message);
    }
}
