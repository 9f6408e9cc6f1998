package io.annal.store.tck;

import static io.annal.store.tck.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.ExpectedVersion;
import io.annal.store.WrongExpectedVersionException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

abstract class ExpectedVersionScenarios extends Scenarios {

    ExpectedVersionScenarios(EventStoreConformance suite) {
        super(suite);
    }

    @Test
    void expected_any_is_met_by_a_new_and_by_an_existing_stream() {
        store().append(stream("a"), ExpectedVersion.any(), events(1));
        store().append(stream("a"), ExpectedVersion.any(), events(1));

        assertThat(Reads.stream(store(), stream("a"))).hasSize(2);
    }

    @Test
    void expected_no_stream_is_met_by_a_new_stream() {
        store().append(stream("a"), ExpectedVersion.noStream(), events(1));

        assertThat(Reads.stream(store(), stream("a"))).hasSize(1);
    }

    @Test
    void expected_no_stream_on_an_existing_stream_is_rejected_with_its_current_version() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));

        assertRejected(ExpectedVersion.noStream(), Optional.of(2L));
    }

    @Test
    void expected_exists_is_met_by_an_existing_stream() {
        store().append(stream("a"), ExpectedVersion.any(), events(1));
        store().append(stream("a"), ExpectedVersion.exists(), events(1));

        assertThat(Reads.stream(store(), stream("a"))).hasSize(2);
    }

    @Test
    void expected_exists_on_a_missing_stream_is_rejected_without_current_version() {
        assertRejected(ExpectedVersion.exists(), Optional.empty());
    }

    @Test
    void expected_exact_is_met_by_the_last_version() {
        store().append(stream("a"), ExpectedVersion.any(), events(2));
        store().append(stream("a"), ExpectedVersion.exact(1), events(1));

        assertThat(Reads.stream(store(), stream("a"))).hasSize(3);
    }

    @Test
    void append_with_stale_expected_version_is_rejected() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));

        assertRejected(ExpectedVersion.exact(1), Optional.of(2L));
    }

    @Test
    void append_with_expected_version_ahead_of_the_stream_is_rejected() {
        store().append(stream("a"), ExpectedVersion.any(), events(1));

        assertRejected(ExpectedVersion.exact(5), Optional.of(0L));
    }

    @Test
    void expected_exact_on_a_missing_stream_is_rejected() {
        assertRejected(ExpectedVersion.exact(0), Optional.empty());
    }

    @Test
    void rejected_append_names_the_stream_and_the_expectation() {
        store().append(stream("a"), ExpectedVersion.any(), events(1));

        assertThatThrownBy(() -> store().append(stream("a"), ExpectedVersion.noStream(), events(1)))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.stream()).isEqualTo(stream("a"));
                    assertThat(e.expected()).isEqualTo(ExpectedVersion.noStream());
                });
    }

    /** Asserts that appending with {@code expected} to stream "a" fails and changes nothing. */
    private void assertRejected(ExpectedVersion expected, Optional<Long> current) {
        var before = Reads.all(store());

        assertThatThrownBy(() -> store().append(stream("a"), expected, events(2)))
                .isInstanceOfSatisfying(
                        WrongExpectedVersionException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(current));

        assertThat(Reads.all(store())).isEqualTo(before);
    }
}
