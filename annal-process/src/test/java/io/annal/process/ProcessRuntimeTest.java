package io.annal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.annal.codec.Metadata;
import io.annal.store.Direction;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ProcessRuntimeTest {

    @Test
    void a_process_sends_each_command_once_and_records_every_outcome() {
        try (InMemoryEventStore store = InMemoryEventStore.create();
                ProcessRuntime<?, ?, ?> runtime = Tally.runtime(store).build().start()) {
            Tally.request(store, "r-1", "t", 2L, 3L, -1L);

            await().untilAsserted(() -> assertThat(types(store, StreamName.system("$process-tally-r-1")))
                    .containsExactly("Requested", "$command-accepted", "$command-accepted", "$command-rejected"));
            assertThat(Tally.handler(store).load(Tally.tally("t")).state()).isEqualTo(5L);
        }
    }

    @Test
    void replaying_the_whole_log_after_losing_the_checkpoint_applies_nothing_twice() {
        try (InMemoryEventStore store = InMemoryEventStore.create()) {
            try (ProcessRuntime<?, ?, ?> first = Tally.runtime(store).build().start()) {
                Tally.request(store, "r-1", "t", 2L, 3L);
                await().untilAsserted(
                                () -> assertThat(types(store, Tally.tally("t"))).hasSize(2));
            }
            store.delete(StreamName.system("$checkpoint-process-tally"), ExpectedVersion.any());

            try (ProcessRuntime<?, ?, ?> second = Tally.runtime(store).build().start()) {
                Tally.request(store, "r-2", "t", 10L);
                await().untilAsserted(
                                () -> assertThat(types(store, Tally.tally("t"))).hasSize(3));
            }

            assertThat(Tally.handler(store).load(Tally.tally("t")).state()).isEqualTo(15L);
            assertThat(types(store, StreamName.system("$process-tally-r-1")))
                    .containsExactly("Requested", "$command-accepted", "$command-accepted");
        }
    }

    @Test
    void the_commands_of_a_process_carry_the_correlation_id_of_the_event_they_react_to() {
        try (InMemoryEventStore store = InMemoryEventStore.create()) {
            List<PendingCommand<Tally.Add>> sent = new CopyOnWriteArrayList<>();
            try (ProcessRuntime<?, ?, ?> runtime =
                    Tally.runtime(store).beforeSend(sent::add).build().start()) {
                Tally.request(store, Metadata.empty().withCorrelationId("c-1"), "r-1", "t", 2L, 3L);
                Tally.request(store, "r-2", "t", 4L);
                await().untilAsserted(
                                () -> assertThat(types(store, Tally.tally("t"))).hasSize(3));
            }

            assertThat(sent)
                    .extracting(PendingCommand::processId, PendingCommand::correlationId)
                    .containsExactly(
                            tuple("r-1", "c-1"),
                            tuple("r-1", "c-1"),
                            tuple("r-2", "$process-tally-r-2")); // none to carry on: the process's own
            assertThat(store.readStream(StreamName.system("$process-tally-r-1"), 0, Direction.FORWARD, 10)
                            .events())
                    .extracting(
                            e -> Metadata.parse(e.metadata()).correlationId().orElse(null))
                    .as("the observed event and both outcomes")
                    .containsExactly("c-1", "c-1", "c-1");
        }
    }

    @Test
    void a_process_name_must_fit_a_stream_prefix() {
        try (InMemoryEventStore store = InMemoryEventStore.create()) {
            assertThatThrownBy(() -> ProcessRuntime.builder(
                            "Tally-Runner", new Tally.TallyProcess(), store, Tally.REQUEST_CODEC))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lower-case letters and digits");
        }
    }

    private static List<String> types(InMemoryEventStore store, StreamName stream) {
        if (store.info(stream).isEmpty()) {
            return List.of();
        }
        return store.readStream(stream, 0, Direction.FORWARD, 4096).events().stream()
                .map(RecordedEvent::type)
                .toList();
    }
}
