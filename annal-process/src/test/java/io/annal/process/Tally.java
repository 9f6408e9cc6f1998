package io.annal.process;

import io.annal.codec.EventCodec;
import io.annal.codec.Metadata;
import io.annal.command.CommandHandler;
import io.annal.command.EventMapper;
import io.annal.domain.Decider;
import io.annal.domain.Decision;
import io.annal.domain.ProcessManager;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A small world for the runtime's own tests: tallies that add amounts ({@code tally-<id>}), and a
 * process that, for each {@code Requested} event of a {@code request-<id>} stream, adds every
 * amount to the named tally.
 */
final class Tally {

    record Add(String tallyId, long amount) {}

    record Added(long amount) {}

    record Requested(String requestId, String tallyId, List<Long> amounts) {}

    static final EventCodec<Added> TALLY_CODEC =
            EventCodec.builder(Added.class).register(Added.class, "Added", 1).build();

    static final EventCodec<Requested> REQUEST_CODEC = EventCodec.builder(Requested.class)
            .register(Requested.class, "Requested", 1)
            .build();

    private Tally() {}

    static StreamName tally(String id) {
        return StreamName.of("tally-" + id);
    }

    static CommandHandler<Add, Added, Long> handler(EventStore store) {
        Decider<Add, Added, Long> decider = new Decider<>() {
            @Override
            public Long initialState() {
                return 0L;
            }

            @Override
            public Decision<Added> decide(Add command, Long state) {
                return command.amount() > 0
                        ? Decision.accept(new Added(command.amount()))
                        : Decision.reject("invalid-amount", "add a positive amount");
            }

            @Override
            public Long evolve(Long state, Added event) {
                return state + event.amount();
            }
        };
        EventMapper<Added> mapper = new EventMapper<>() {
            @Override
            public EventData encode(Added event, UUID id, Map<String, String> metadata) {
                return TALLY_CODEC.encode(event, id);
            }

            @Override
            public Added decode(RecordedEvent event) {
                return TALLY_CODEC.decodeEvent(event);
            }
        };
        return CommandHandler.builder(decider, store, mapper, (Add add) -> tally(add.tallyId()))
                .cacheSize(0)
                .build();
    }

    /** Counts answers; done when every amount has one. */
    static final class TallyProcess
            implements ProcessManager<ProcessInput<Requested, Add>, List<String>, ProcessAction<Add>> {

        @Override
        public List<String> initialState() {
            return List.of();
        }

        @Override
        public List<String> evolve(List<String> state, ProcessInput<Requested, Add> input) {
            List<String> next = new ArrayList<>(state);
            next.add(input.getClass().getSimpleName());
            return next;
        }

        @Override
        public List<ProcessAction<Add>> react(ProcessInput<Requested, Add> input, List<String> state) {
            if (input instanceof ProcessInput.Observed<Requested, Add>(Requested requested)) {
                return requested.amounts().stream()
                        .map(amount -> ProcessAction.send(new Add(requested.tallyId(), amount)))
                        .toList();
            }
            return List.of();
        }
    }

    static ProcessRuntimeBuilder<Requested, List<String>, Add> runtime(EventStore store) {
        CommandHandler<Add, Added, Long> handler = handler(store);
        return ProcessRuntime.builder("tally", new TallyProcess(), store, REQUEST_CODEC)
                .follow(
                        List.of("request-"),
                        event -> event.type().equals("Requested")
                                ? java.util.Optional.of(Correlated.of(
                                        event.stream().value().substring("request-".length()),
                                        REQUEST_CODEC.decodeEvent(event)))
                                : java.util.Optional.empty())
                .commands(handler::handle)
                .tickEvery(java.time.Duration.ofHours(1));
    }

    static void request(EventStore store, String requestId, String tallyId, Long... amounts) {
        request(store, Metadata.empty(), requestId, tallyId, amounts);
    }

    static void request(EventStore store, Metadata metadata, String requestId, String tallyId, Long... amounts) {
        store.append(
                StreamName.of("request-" + requestId),
                io.annal.store.ExpectedVersion.any(),
                List.of(REQUEST_CODEC.encode(
                        new Requested(requestId, tallyId, List.of(amounts)), UUID.randomUUID(), metadata)));
    }
}
