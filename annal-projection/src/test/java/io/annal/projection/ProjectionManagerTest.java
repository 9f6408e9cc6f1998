package io.annal.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProjectionManagerTest {

    private final InMemoryEventStore store = InMemoryEventStore.create();
    private final MemoryReadModels models = new MemoryReadModels();
    private final ProjectionManager manager = ProjectionManager.create(store);

    @AfterEach
    void close() {
        manager.close();
        store.close();
    }

    /** Counts events per stream. */
    private static Projection<Map<String, String>> counter(String name, int version, EventFilter filter) {
        return Projection.of(
                name,
                version,
                filter,
                (data, event) ->
                        data.merge(event.stream().value(), "1", (a, b) -> Integer.toString(Integer.parseInt(a) + 1)));
    }

    @Test
    void a_filtered_projection_reaches_the_head_even_when_the_last_events_are_not_its_own() throws Exception {
        manager.start(counter("carts", 1, EventFilter.streamPrefixes("cart-")), models);
        append("cart-1", 2);
        append("user-1", 3);
        Position head = store.headPosition().orElseThrow();

        assertThat(manager.awaitPosition("carts", head, Duration.ofSeconds(10))).isTrue();
        assertThat(models.read("carts")).isEqualTo(Map.of("cart-1", "2"));
        assertThat(manager.info("carts").lagEvents()).isZero();
    }

    @Test
    void progress_past_events_a_projection_does_not_read_is_stored_by_the_time_it_stops() throws Exception {
        Projection<Map<String, String>> carts = counter("carts", 1, EventFilter.streamPrefixes("cart-"));
        manager.start(carts, models);
        append("cart-1", 1);
        append("user-1", 20);
        Position head = store.headPosition().orElseThrow();
        assertThat(manager.awaitPosition("carts", head, Duration.ofSeconds(10))).isTrue();

        manager.close();

        long generation = models.served("carts").orElseThrow().generation();
        assertThat(models.open(carts, generation).checkpoint()).contains(head);
        assertThat(models.read("carts")).isEqualTo(Map.of("cart-1", "1"));
    }

    @Test
    void a_rebuild_on_demand_serves_the_old_data_until_the_new_build_has_caught_up() throws Exception {
        manager.start(counter("all", 1, EventFilter.all()), models);
        append("a-1", 3);
        Position head = store.headPosition().orElseThrow();
        assertThat(manager.awaitPosition("all", head, Duration.ofSeconds(10))).isTrue();

        manager.rebuild("all");
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> models.served("all").map(ProjectionStore.ServedGeneration::generation),
                        g -> g.equals(Optional.of(2L)));

        assertThat(models.read("all")).isEqualTo(Map.of("a-1", "3"));
        append("a-1", 1);
        assertThat(manager.awaitPosition("all", store.headPosition().orElseThrow(), Duration.ofSeconds(10)))
                .isTrue();
        assertThat(models.read("all")).isEqualTo(Map.of("a-1", "4"));
        assertThat(manager.list())
                .extracting(ProjectionInfo::name, ProjectionInfo::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("all", ProjectionStatus.RUNNING));
    }

    @Test
    void unknown_names_and_dead_letters_are_reported_with_what_is_known() {
        manager.start(counter("all", 1, EventFilter.all()), models);

        assertThatThrownBy(() -> manager.pause("nope"))
                .isInstanceOf(ProjectionException.class)
                .hasMessageContaining("[all]");
        assertThatThrownBy(() -> manager.start(counter("all", 1, EventFilter.all()), models))
                .isInstanceOf(ProjectionException.class)
                .hasMessageContaining("already running");
        assertThatThrownBy(() -> manager.retryDeadLetter("missing"))
                .isInstanceOf(ProjectionException.class)
                .hasMessageContaining("deadLetters()");
    }

    @Test
    void projection_names_must_be_safe_for_table_and_key_names() {
        assertThatThrownBy(() -> counter("Bad-Name", 1, EventFilter.all()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> counter("ok", 0, EventFilter.all())).isInstanceOf(IllegalArgumentException.class);
    }

    private void append(String stream, int count) {
        for (int i = 0; i < count; i++) {
            store.append(StreamName.of(stream), ExpectedVersion.any(), List.of(EventData.json("Happened", "{}")));
        }
    }
}
