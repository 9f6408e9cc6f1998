package io.annal.store.tck;

import static io.annal.store.tck.Events.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamInfo;
import io.annal.store.StreamName;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

abstract class StreamNameScenarios extends Scenarios {

    /** 64 four-byte emoji: exactly the longest name. */
    static final String LONGEST = "🦊".repeat(64);

    StreamNameScenarios(EventStoreConformance suite) {
        super(suite);
    }

    @Test
    void unicode_stream_names_are_kept_exactly() {
        List<String> names = List.of("注文-42", "заказ-7", "🧾-receipt", "κόσμε", "a b:c/d#e", LONGEST);

        for (String name : names) {
            store().append(stream(name), ExpectedVersion.noStream(), events(2));
        }

        for (String name : names) {
            assertThat(Reads.stream(store(), stream(name)))
                    .as("stream %s", name)
                    .hasSize(2)
                    .allMatch(e -> e.stream().value().equals(name));
        }
        assertThat(Reads.all(store())).extracting(e -> e.stream().value()).containsOnly(names.toArray(String[]::new));
    }

    @Test
    void a_name_of_exactly_256_utf8_bytes_works_like_any_other() {
        assertThat(LONGEST.getBytes(StandardCharsets.UTF_8)).hasSize(StreamName.MAX_BYTES);

        store().append(stream(LONGEST), ExpectedVersion.noStream(), events(1));
        store().append(stream(LONGEST), ExpectedVersion.exact(0), events(1));

        assertThat(Reads.stream(store(), stream(LONGEST))).hasSize(2);
        assertThat(store().info(stream(LONGEST)).orElseThrow().stream().value()).isEqualTo(LONGEST);
    }

    @Test
    void names_differing_only_in_unicode_normalization_are_different_streams() {
        StreamName composed = stream("caf\u00e9");
        StreamName decomposed = stream("cafe\u0301");

        store().append(composed, ExpectedVersion.noStream(), events(1));
        store().append(decomposed, ExpectedVersion.noStream(), events(2));

        assertThat(Reads.stream(store(), composed)).hasSize(1);
        assertThat(Reads.stream(store(), decomposed)).hasSize(2);
    }

    @Test
    void names_list_in_string_order_even_where_utf8_byte_order_differs() {
        // In UTF-8 byte order U+FF21 comes before an emoji; in String (UTF-16) order it comes after.
        List<String> names = List.of("x-\uFF21", "x-🦊", "x-a", "x-注");

        for (String name : names) {
            store().append(stream(name), ExpectedVersion.any(), events(1));
        }

        assertThat(store().listStreams("x-", Optional.empty(), 10))
                .extracting(StreamInfo::stream)
                .extracting(StreamName::value)
                .containsExactly("x-a", "x-注", "x-🦊", "x-\uFF21");
    }

    @Test
    void prefix_filter_matches_unicode_prefixes() {
        store().append(stream("注文-1"), ExpectedVersion.any(), events(1));
        store().append(stream("注-2"), ExpectedVersion.any(), events(1));
        store().append(stream("🦊-1"), ExpectedVersion.any(), events(1));

        assertThat(Reads.all(store(), Direction.FORWARD, 10, EventFilter.streamPrefixes("注文")))
                .extracting(e -> e.stream().value())
                .containsExactly("注文-1");
        assertThat(store().listStreams("🦊", Optional.empty(), 10)).hasSize(1);
    }
}
