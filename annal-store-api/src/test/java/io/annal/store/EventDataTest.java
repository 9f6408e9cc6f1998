package io.annal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventDataTest {

    @Test
    void the_caller_can_not_change_an_event_after_creating_it() {
        byte[] data = {1, 2, 3};
        EventData event = EventData.of(UUID.randomUUID(), "T", data, null);
        data[0] = 9;
        assertThat(event.data()).containsExactly(1, 2, 3);
        assertThat(event.metadata()).isEmpty();
    }

    @Test
    void size_counts_data_and_metadata() {
        assertThat(EventData.of(UUID.randomUUID(), "T", new byte[3], new byte[4])
                        .size())
                .isEqualTo(7);
    }

    @Test
    void a_blank_or_overlong_type_is_refused() {
        assertThatThrownBy(() -> EventData.json(" ", "{}")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> EventData.json("t".repeat(257), "{}")).isInstanceOf(InvalidRequestException.class);
        assertThat(EventData.json("t".repeat(256), "{}").type()).hasSize(256);
    }

    @Test
    void filters_select_by_type_and_prefix() {
        StreamName account = StreamName.of("account-1");
        assertThat(EventFilter.all().matches(account, "Deposited")).isTrue();
        assertThat(EventFilter.types("Deposited").matches(account, "Withdrew")).isFalse();
        assertThat(EventFilter.streamPrefixes("order-", "account-").matches(account, "X"))
                .isTrue();
        assertThat(EventFilter.streamPrefixes("order-").matches(account, "X")).isFalse();
    }
}
