package io.annal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamNameTest {

    @Test
    void a_name_of_exactly_256_utf8_bytes_is_accepted() {
        String name = "é".repeat(128); // 2 bytes each
        assertThat(StreamName.of(name).value()).isEqualTo(name);
    }

    @Test
    void a_name_of_257_utf8_bytes_is_refused_with_its_size() {
        assertThatThrownBy(() -> StreamName.of("a" + "é".repeat(128)))
                .isInstanceOf(InvalidStreamNameException.class)
                .hasMessageContaining("256")
                .hasMessageContaining("257");
    }

    @Test
    void an_empty_name_is_refused() {
        assertThatThrownBy(() -> StreamName.of("")).isInstanceOf(InvalidStreamNameException.class);
    }

    @Test
    void control_characters_are_refused_with_their_place() {
        assertThatThrownBy(() -> StreamName.of("account\n1"))
                .isInstanceOf(InvalidStreamNameException.class)
                .hasMessageContaining("U+000A")
                .hasMessageContaining("index 7");
    }

    @Test
    void unpaired_surrogates_are_refused() {
        assertThatThrownBy(() -> StreamName.of("a\uD800b")).isInstanceOf(InvalidStreamNameException.class);
    }

    @Test
    void emoji_and_cjk_names_are_accepted() {
        assertThat(StreamName.of("订单-🚀-1").value()).isEqualTo("订单-🚀-1");
    }

    @Test
    void the_dollar_prefix_is_reserved_for_system_streams() {
        assertThatThrownBy(() -> StreamName.of("$all"))
                .isInstanceOf(InvalidStreamNameException.class)
                .hasMessageContaining("reserved");
        assertThat(StreamName.system("$snapshot-a").isSystem()).isTrue();
        assertThatThrownBy(() -> StreamName.system("plain")).isInstanceOf(InvalidStreamNameException.class);
    }
}
