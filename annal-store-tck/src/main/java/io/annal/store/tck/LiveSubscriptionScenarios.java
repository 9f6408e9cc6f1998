package io.annal.store.tck;

import static io.annal.store.tck.Events.events;
import static io.annal.store.tck.RecordingListener.recording;
import static io.annal.store.tck.Waiting.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionStart;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subscriptions switching from catch-up to live while writers append: no gap, duplicate or reordering. */
abstract class LiveSubscriptionScenarios extends Scenarios {

    static final int WRITERS = 16;
    static final int APPENDS_PER_WRITER = 25;
    // More than one page of the engine, so that catch-up takes several reads.
    static final int HISTORY = 700;

    LiveSubscriptionScenarios(EventStoreConformance suite) {
        super(suite);
    }

    @Test
    void all_subscription_goes_live_under_sixteen_writers_without_gap_or_duplicate() throws Exception {
        long seed = Seeds.seed("all_subscription_goes_live_under_sixteen_writers_without_gap_or_duplicate");
        writeHistory();
        RecordingListener listener = recording();

        try (Subscription ignored = store().subscribeToAll(SubscriptionStart.fromStart(), EventFilter.all(), listener);
                Writers writers = Writers.start(WRITERS, seed, (w, random) -> {
                    for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                        store().append(stream("writer-" + w), ExpectedVersion.any(), Writers.batch(random, 3));
                    }
                })) {
            writers.awaitAll();
            List<RecordedEvent> all = Reads.all(store());
            eventually().until(() -> listener.count() >= all.size());

            assertThat(Reads.positions(listener.events())).containsExactlyElementsOf(Reads.positions(all));
        }
    }

    @Test
    void stream_subscription_goes_live_under_sixteen_writers_without_gap_or_duplicate() throws Exception {
        long seed = Seeds.seed("stream_subscription_goes_live_under_sixteen_writers_without_gap_or_duplicate");
        store().append(stream("hot"), ExpectedVersion.any(), events(HISTORY));
        RecordingListener listener = recording();

        try (Subscription ignored = store().subscribeToStream(stream("hot"), SubscriptionStart.fromStart(), listener);
                Writers writers = Writers.start(WRITERS, seed, (w, random) -> {
                    for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                        store().append(stream("hot"), ExpectedVersion.any(), Writers.batch(random, 3));
                        store().append(stream("cold-" + w), ExpectedVersion.any(), events(1));
                    }
                })) {
            writers.awaitAll();
            List<RecordedEvent> hot = Reads.stream(store(), stream("hot"));
            eventually().until(() -> listener.count() >= hot.size());

            assertThat(listener.events()).containsExactlyElementsOf(hot);
        }
    }

    @Test
    void resumed_subscription_sees_everything_after_its_last_event_exactly_once() throws Exception {
        long seed = Seeds.seed("resumed_subscription_sees_everything_after_its_last_event_exactly_once");
        writeHistory();
        RecordingListener first = RecordingListener.processingOnly(HISTORY / 2);
        RecordingListener second = recording();

        try (Writers writers = Writers.start(WRITERS / 2, seed, (w, random) -> {
            for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                store().append(stream("writer-" + w), ExpectedVersion.any(), Writers.batch(random, 3));
            }
        })) {
            try (Subscription ignored =
                    store().subscribeToAll(SubscriptionStart.fromStart(), EventFilter.all(), first)) {
                eventually().until(() -> first.count() >= HISTORY / 2);
            }
            long last = first.events().getLast().position().value();
            try (Subscription ignored =
                    store().subscribeToAll(SubscriptionStart.after(last), EventFilter.all(), second)) {
                writers.awaitAll();
                List<RecordedEvent> all = Reads.all(store());
                eventually().until(() -> first.count() + second.count() >= all.size());

                List<RecordedEvent> seen = new ArrayList<>(first.events());
                seen.addAll(second.events());
                assertThat(Reads.positions(seen)).containsExactlyElementsOf(Reads.positions(all));
            }
        }
    }

    @Test
    void resumed_stream_subscription_sees_everything_after_its_last_version_exactly_once() throws Exception {
        long seed = Seeds.seed("resumed_stream_subscription_sees_everything_after_its_last_version_exactly_once");
        store().append(stream("hot"), ExpectedVersion.any(), events(HISTORY));
        RecordingListener first = RecordingListener.processingOnly(HISTORY / 2);
        RecordingListener second = recording();

        try (Writers writers = Writers.start(WRITERS / 2, seed, (w, random) -> {
            for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                store().append(stream("hot"), ExpectedVersion.any(), Writers.batch(random, 3));
            }
        })) {
            try (Subscription ignored =
                    store().subscribeToStream(stream("hot"), SubscriptionStart.fromStart(), first)) {
                eventually().until(() -> first.count() >= HISTORY / 2);
            }
            long last = first.events().getLast().version();
            try (Subscription ignored =
                    store().subscribeToStream(stream("hot"), SubscriptionStart.after(last), second)) {
                writers.awaitAll();
                List<RecordedEvent> hot = Reads.stream(store(), stream("hot"));
                eventually().until(() -> first.count() + second.count() >= hot.size());

                List<RecordedEvent> seen = new ArrayList<>(first.events());
                seen.addAll(second.events());
                assertThat(seen).containsExactlyElementsOf(hot);
            }
        }
    }

    private void writeHistory() {
        for (int i = 0; i < HISTORY / 100; i++) {
            store().append(stream("history-" + i), ExpectedVersion.any(), events(100));
        }
    }
}
