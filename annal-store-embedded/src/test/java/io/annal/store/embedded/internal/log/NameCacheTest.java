package io.annal.store.embedded.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.StreamName;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameCacheTest {

    /**
     * Names that agree in length and in their first and last 8 bytes land in the same slot with the
     * same key: only the bytes between tell them apart, at every length and every byte.
     */
    @Test
    void names_differing_only_between_their_first_and_last_8_bytes_are_told_apart() {
        long seed = System.nanoTime();
        System.out.println("names_differing_only_between seed=" + seed);
        Random random = new Random(seed);
        NameCache cache = new NameCache();
        for (int length = 17; length <= 80; length++) {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) {
                chars[i] = (char) ('a' + random.nextInt(26));
            }
            String original = new String(chars);
            for (int at = 8; at < length - 8; at++) {
                char[] changed = chars.clone();
                changed[at] = changed[at] == 'z' ? 'y' : (char) (changed[at] + 1);
                String other = new String(changed);
                assertThat(readStream(cache, original).value()).isEqualTo(original);
                assertThat(readStream(cache, other).value()).isEqualTo(other);
                assertThat(readType(cache, original)).isEqualTo(original);
                assertThat(readType(cache, other)).isEqualTo(other);
            }
        }
    }

    @Test
    void a_name_read_again_leaves_the_buffer_just_after_it() {
        NameCache cache = new NameCache();
        for (String name : new String[] {"", "a", "account-7", "account-bench-1234", "x".repeat(64), "y".repeat(65)}) {
            for (int round = 0; round < 2; round++) {
                ByteBuffer in = stored(name, 12);
                assertThat(cache.type(in)).isEqualTo(name);
                assertThat(in.position()).isEqualTo(2 + name.getBytes(StandardCharsets.UTF_8).length);
            }
        }
    }

    private static StreamName readStream(NameCache cache, String name) {
        return cache.stream(stored(name, 8), StreamName::of);
    }

    private static String readType(NameCache cache, String name) {
        return cache.type(stored(name, 8));
    }

    /** The name as the log stores it, followed by {@code after} bytes of a record's body. */
    private static ByteBuffer stored(String name, int after) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(2 + bytes.length + after);
        buffer.putShort((short) bytes.length).put(bytes).flip();
        return buffer.limit(buffer.capacity());
    }
}
