package io.annal.testing;

import java.util.List;
import java.util.stream.Collectors;

/** Renders values for failure messages: one event or command per line, so diffs stay readable. */
final class Describe {

    private Describe() {}

    static String list(List<?> values) {
        if (values.isEmpty()) {
            return "  (none)";
        }
        return values.stream().map(v -> "  " + v).collect(Collectors.joining("\n"));
    }
}
