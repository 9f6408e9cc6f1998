package io.annal.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.EventStore;
import io.annal.store.EventStoreException;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamSlice;
import io.annal.store.WrongExpectedVersionException;
import io.annal.store.tck.Operation.Expectation;
import io.annal.store.tck.Outcome.Entry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** Runs a sequence of operations against a store and the model, and requires the same outcome of each. */
final class ModelCheck {

    private static final List<StreamName> STREAMS = List.of(
            StreamName.of("model-0"), StreamName.of("model-1"), StreamName.of("模型-2"), StreamName.of("model/🦊-3"));

    private final EventStore store;
    private final MutableClock clock;
    private final StoreModel model;
    private final Map<StreamName, List<EventData>> lastBatch = new HashMap<>();
    private long nextId;

    ModelCheck(EventStore store, MutableClock clock) {
        this.store = store;
        this.clock = clock;
        this.model = new StoreModel(clock);
    }

    void run(List<Operation> operations) {
        for (int step = 0; step < operations.size(); step++) {
            Operation operation = operations.get(step);
            String context = "step " + step + ": " + operation;
            switch (operation) {
                case Operation.Append(int s, Expectation e, int count) ->
                    append(context, STREAMS.get(s), e, newEvents(count));
                case Operation.Retry(int s, Expectation e, boolean partial) -> {
                    List<EventData> batch = lastBatch.getOrDefault(STREAMS.get(s), newEvents(1));
                    append(context, STREAMS.get(s), e, partial ? batch.subList(0, (batch.size() + 1) / 2) : batch);
                }
                case Operation.Delete(int s, Expectation e) -> {
                    StreamName name = STREAMS.get(s);
                    ExpectedVersion expected = resolve(name, e);
                    compare(context, model.delete(name, expected), () -> {
                        store.delete(name, expected);
                        return new Outcome.Done();
                    });
                }
                case Operation.Tombstone(int s) -> {
                    StreamName name = STREAMS.get(s);
                    compare(context, model.tombstone(name), () -> {
                        store.tombstone(name, ExpectedVersion.any());
                        return new Outcome.Done();
                    });
                }
                case Operation.Tick(int minutes) -> clock.advance(Duration.ofMinutes(minutes));
                case Operation.Retain(int s, int maxCount, int truncateBefore, int maxAgeMinutes) -> {
                    StreamName name = STREAMS.get(s);
                    StreamMetadata metadata = StreamMetadata.none();
                    metadata = maxCount > 0 ? metadata.withMaxCount(maxCount) : metadata;
                    metadata = truncateBefore >= 0 ? metadata.withTruncateBefore(truncateBefore) : metadata;
                    metadata = maxAgeMinutes > 0 ? metadata.withMaxAge(Duration.ofMinutes(maxAgeMinutes)) : metadata;
                    StreamMetadata chosen = metadata;
                    compare(context, model.setMetadata(name, chosen), () -> {
                        store.setMetadata(name, chosen);
                        return new Outcome.Done();
                    });
                }
                case Operation.ReadStream(int s, int from, Direction direction, int maxCount) -> {
                    StreamName name = STREAMS.get(s);
                    compare(
                            context,
                            model.readStream(name, from, direction, maxCount),
                            () -> read(name, from, direction, maxCount));
                }
                case Operation.ReadAll(Direction direction, int pageSize) -> {
                    List<Entry> expected = model.visibleLog();
                    List<Entry> actual = entries(Reads.all(store, direction, pageSize, EventFilter.all()));
                    assertThat(actual)
                            .as(context)
                            .containsExactlyElementsOf(direction == Direction.FORWARD ? expected : expected.reversed());
                }
            }
        }
        List<RecordedEvent> all = Reads.all(store);
        assertThat(entries(all)).as("whole log at the end").containsExactlyElementsOf(model.visibleLog());
        assertThat(Reads.positions(all)).as("positions at the end").isSorted().doesNotHaveDuplicates();
    }

    private void append(String context, StreamName name, Expectation expectation, List<EventData> batch) {
        lastBatch.put(name, batch);
        ExpectedVersion expected = resolve(name, expectation);
        List<UUID> ids = batch.stream().map(EventData::id).toList();
        compare(context, model.append(name, expected, ids), () -> {
            AppendResult result = store.append(name, expected, batch);
            return new Outcome.Appended(result.firstVersion(), result.lastVersion(), result.duplicate());
        });
    }

    private Outcome read(StreamName name, long from, Direction direction, int maxCount) {
        StreamSlice slice = store.readStream(name, from, direction, maxCount);
        return new Outcome.Read(entries(slice.events()), slice.lastVersion(), slice.next());
    }

    private static void compare(String context, Outcome expected, Supplier<Outcome> operation) {
        Outcome actual;
        try {
            actual = operation.get();
        } catch (WrongExpectedVersionException e) {
            actual = new Outcome.Failed(e.getClass().getSimpleName(), e.currentVersion());
        } catch (EventStoreException e) {
            actual = new Outcome.Failed(e.getClass().getSimpleName(), Optional.empty());
        }
        assertThat(actual).as(context).isEqualTo(expected);
    }

    private ExpectedVersion resolve(StreamName name, Expectation expectation) {
        long last = model.lastWritten(name).orElse(-1L);
        return switch (expectation) {
            case ANY -> ExpectedVersion.any();
            case NO_STREAM -> ExpectedVersion.noStream();
            case EXISTS -> ExpectedVersion.exists();
            case EXACT_LAST -> ExpectedVersion.exact(Math.max(last, 0));
            case EXACT_STALE -> ExpectedVersion.exact(Math.max(last - 1, 0));
            case EXACT_AHEAD -> ExpectedVersion.exact(last + 1);
        };
    }

    /** Ids from a counter, so that a run with the same seed appends the same ids. */
    private List<EventData> newEvents(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> EventData.of(new UUID(0x7ACC, nextId++), Events.TYPE, Events.bytes("{}"), new byte[0]))
                .toList();
    }

    private static List<Entry> entries(List<RecordedEvent> events) {
        return events.stream()
                .map(e -> new Entry(e.stream(), e.version(), e.id()))
                .toList();
    }
}
