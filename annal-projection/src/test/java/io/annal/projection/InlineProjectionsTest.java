package io.annal.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InlineProjectionsTest {

    private final InMemoryEventStore store = InMemoryEventStore.create();
    private final MemoryReadModels models = new MemoryReadModels();
    private final ProjectionManager manager = ProjectionManager.create(store);
    private final InlineProjections appender =
            InlineProjections.wrap(store, manager, List.of("last"), Duration.ofSeconds(10));

    @AfterEach
    void close() {
        manager.close();
        store.close();
    }

    @Test
    void an_acknowledged_append_is_already_in_the_read_model() {
        manager.start(
                Projection.of(
                        "last",
                        1,
                        EventFilter.all(),
                        (data, e) -> data.put(e.stream().value(), e.dataAsString())),
                models);

        for (int i = 0; i < 20; i++) {
            AppendResult result = appender.append(
                    StreamName.of("s-" + (i % 3)), ExpectedVersion.any(), List.of(EventData.json("Set", "v" + i)));
            assertThat(manager.position("last"))
                    .hasValueSatisfying(p -> assertThat(p).isGreaterThanOrEqualTo(result.lastPosition()));
            assertThat(models.read("last")).containsEntry("s-" + (i % 3), "v" + i);
        }
    }

    @Test
    void an_append_the_projection_does_not_reflect_in_time_fails_but_stays_stored() {
        manager.start(
                Projection.of(
                        "last", 1, EventFilter.all(), (Map<String, String> data, io.annal.store.RecordedEvent e) -> {}),
                models);
        manager.pause("last");
        InlineProjections impatient = InlineProjections.wrap(store, manager, List.of("last"), Duration.ofMillis(20));

        assertThatThrownBy(() -> impatient.append(
                        StreamName.of("s"), ExpectedVersion.any(), List.of(EventData.json("Set", "v"))))
                .isInstanceOf(ProjectionException.class)
                .hasMessageContaining("did not reflect it");
        assertThat(store.headPosition()).isPresent();
    }
}
