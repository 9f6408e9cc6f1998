package io.annal.codec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.codec.TestEvents.AccountEvent;
import io.annal.codec.TestEvents.Closed;
import io.annal.codec.TestEvents.Deposited;
import io.annal.codec.TestEvents.Opened;
import org.junit.jupiter.api.Test;

class RegistrationTest {

    @Test
    void a_sealed_family_with_an_unregistered_class_does_not_build() {
        var builder = EventCodec.builder(AccountEvent.class)
                .register(Opened.class, "AccountOpened", 1)
                .register(Deposited.class, "Deposited", 1);

        assertThatThrownBy(builder::build)
                .isInstanceOf(EventRegistrationException.class)
                .hasMessageContaining("permits event classes without a registered type: " + Closed.class.getName());
    }

    @Test
    void a_type_name_registered_twice_is_refused() {
        var builder = EventCodec.builder(AccountEvent.class).register(Opened.class, "Deposited", 1);

        assertThatThrownBy(() -> builder.register(Deposited.class, "Deposited", 2))
                .isInstanceOf(EventRegistrationException.class)
                .hasMessageContaining("type name 'Deposited' is already registered for " + Opened.class.getName());
    }

    @Test
    void a_class_registered_twice_is_refused() {
        var builder = EventCodec.builder(AccountEvent.class).register(Opened.class, "AccountOpened", 1);

        assertThatThrownBy(() -> builder.register(Opened.class, "Opened", 1))
                .isInstanceOf(EventRegistrationException.class)
                .hasMessageContaining("already registered as AccountOpened v1");
    }

    @Test
    void an_abstract_type_cannot_be_registered() {
        assertThatThrownBy(() -> EventCodec.builder(AccountEvent.class).register(AccountEvent.class, "Any", 1))
                .isInstanceOf(EventRegistrationException.class)
                .hasMessageContaining("is abstract");
    }

    @Test
    void blank_names_and_versions_below_1_are_refused() {
        var builder = EventCodec.builder(AccountEvent.class);

        assertThatThrownBy(() -> builder.register(Opened.class, " ", 1)).hasMessageContaining("not blank");
        assertThatThrownBy(() -> builder.register(Opened.class, "AccountOpened", 0))
                .hasMessageContaining("schema versions start at 1");
    }

    @Test
    void an_upcaster_chain_that_ends_at_no_registered_version_does_not_build() {
        var builder = TestEvents.builder().upcaster(Upcaster.of("Deposited", 2, data -> data));

        assertThatThrownBy(builder::build)
                .isInstanceOf(EventRegistrationException.class)
                .hasMessageContaining("the upcasters from Deposited v2 end at Deposited v3")
                .hasMessageContaining("not a registered current version");
    }

    @Test
    void upcasters_in_a_circle_do_not_build() {
        var builder = TestEvents.builder()
                .upcaster(Upcaster.rename(EventType.of("A", 1), EventType.of("B", 1)))
                .upcaster(Upcaster.rename(EventType.of("B", 1), EventType.of("A", 1)));

        assertThatThrownBy(builder::build).hasMessageContaining("go round in a circle");
    }

    @Test
    void an_upcaster_from_the_current_version_does_not_build() {
        var builder = TestEvents.builder().upcaster(Upcaster.of("Deposited", 1, data -> data));

        assertThatThrownBy(builder::build).hasMessageContaining("starts at Deposited v1, which is the current version");
    }

    @Test
    void two_upcasters_from_the_same_version_are_refused() {
        var builder = TestEvents.builder().upcaster(Upcaster.of("Deposited", 1, data -> data));

        assertThatThrownBy(() -> builder.upcaster(Upcaster.rename(EventType.of("Deposited", 1), EventType.of("X", 1))))
                .hasMessageContaining("two upcasters start at Deposited v1");
    }

    @Test
    void an_upcaster_to_itself_is_refused() {
        assertThatThrownBy(() -> Upcaster.rename(EventType.of("A", 1), EventType.of("A", 1)))
                .isInstanceOf(EventRegistrationException.class);
    }
}
