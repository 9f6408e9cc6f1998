package io.annal.store.postgres.internal;

import io.annal.store.StreamName;
import java.nio.charset.StandardCharsets;

/**
 * Stream names as bytes that PostgreSQL sorts the way Java does: {@code String.compareTo} orders
 * UTF-16 code units, and UTF-16BE bytes compared one by one give that same order (UTF-8 bytes do
 * not, for characters above U+FFFF against U+E000 to U+FFFF).
 */
final class SortKeys {

    private SortKeys() {}

    static byte[] of(StreamName name) {
        return name.value().getBytes(StandardCharsets.UTF_16BE);
    }
}
