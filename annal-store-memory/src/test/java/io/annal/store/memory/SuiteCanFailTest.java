package io.annal.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.annal.store.EventStore;
import io.annal.store.tck.EventStoreConformance;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The conformance suite is only worth its green if it turns red for a broken store: this runs it
 * against stores broken on purpose and requires failures, and the right ones.
 */
class SuiteCanFailTest {

    @Test
    void suite_fails_for_a_store_that_loses_acknowledged_events() {
        assertThat(failedTests(AgainstLosingStore.class))
                .contains(
                        "sixty_four_writers_on_sixteen_hot_streams_lose_no_update",
                        "random_operation_sequences_behave_like_the_model");
    }

    @Test
    void suite_fails_for_a_store_that_reorders_events() {
        assertThat(failedTests(AgainstReorderingStore.class))
                .contains(
                        "read_all_forward_returns_every_event_in_commit_order",
                        "read_forward_from_zero_returns_every_event_in_version_order",
                        "random_operation_sequences_behave_like_the_model");
    }

    @Test
    void suite_fails_for_a_store_that_checks_expected_versions_without_atomicity() {
        assertThat(failedTests(AgainstRacyStore.class))
                .containsExactly("sixty_four_writers_on_sixteen_hot_streams_lose_no_update");
    }

    @Test
    void suite_passes_for_the_reference_store_run_the_same_way() {
        assertThat(failedTests(InMemoryEventStoreTest.class)).isEmpty();
    }

    /** Runs the suite of {@code suite} and returns the names of the failed tests. */
    private static List<String> failedTests(Class<?> suite) {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(suite))
                .execute()
                .testEvents();
        assertThat(tests.started().count()).as("tests started").isPositive();
        return tests.finished().stream()
                .filter(e -> e.getPayload(TestExecutionResult.class)
                        .map(r -> r.getStatus() == TestExecutionResult.Status.FAILED)
                        .orElse(false))
                .map(Event::getTestDescriptor)
                .map(SuiteCanFailTest::methodName)
                .toList();
    }

    private static String methodName(TestDescriptor test) {
        return test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getMethodName())
                .orElse(test.getDisplayName());
    }

    static class AgainstLosingStore extends EventStoreConformance {
        @Override
        protected EventStore openStore(InstantSource clock) {
            return new LosingEventStore(InMemoryEventStore.create(clock));
        }
    }

    static class AgainstReorderingStore extends EventStoreConformance {
        @Override
        protected EventStore openStore(InstantSource clock) {
            return new ReorderingEventStore(InMemoryEventStore.create(clock));
        }
    }

    static class AgainstRacyStore extends EventStoreConformance {
        @Override
        protected EventStore openStore(InstantSource clock) {
            return new RacyEventStore(InMemoryEventStore.create(clock));
        }
    }
}
