package io.annal.store.tck;

import static io.annal.store.tck.Events.events;
import static io.annal.store.tck.RecordingListener.recording;
import static io.annal.store.tck.Waiting.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamDeletedException;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionStart;
import java.util.List;
import org.junit.jupiter.api.Test;

abstract class SubscriptionScenarios extends Scenarios {

    SubscriptionScenarios(EventStoreConformance suite) {
        super(suite);
    }

    @Test
    void subscription_to_all_from_start_delivers_history_then_live_events() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));
        RecordingListener listener = recording();

        try (Subscription subscription =
                store().subscribeToAll(SubscriptionStart.fromStart(), EventFilter.all(), listener)) {
            eventually().until(() -> listener.count() >= 3);
            store().append(stream("b"), ExpectedVersion.any(), events(2));
            eventually().until(() -> listener.count() >= 5);
            assertThat(subscription.isClosed()).isFalse();
        }

        assertThat(listener.events()).containsExactlyElementsOf(Reads.all(store()));
    }

    @Test
    void listeners_are_called_on_virtual_threads() {
        store().append(stream("a"), ExpectedVersion.any(), events(2));
        RecordingListener all = recording();
        RecordingListener one = recording();

        try (Subscription a = store().subscribeToAll(SubscriptionStart.fromStart(), EventFilter.all(), all);
                Subscription b = store().subscribeToStream(stream("a"), SubscriptionStart.fromStart(), one)) {
            eventually().until(() -> all.count() >= 2 && one.count() >= 2);
        }

        assertThat(all.calledOnVirtualThreadsOnly()).isTrue();
        assertThat(one.calledOnVirtualThreadsOnly()).isTrue();
    }

    @Test
    void on_caught_up_comes_after_the_history_was_delivered() {
        store().append(stream("a"), ExpectedVersion.any(), events(4));
        RecordingListener listener = recording();

        try (Subscription subscription =
                store().subscribeToAll(SubscriptionStart.fromStart(), EventFilter.all(), listener)) {
            eventually().until(() -> listener.timesCaughtUp() >= 1);
            assertThat(listener.eventsAtFirstCatchUp()).isEqualTo(4);
            eventually().until(subscription::isCaughtUp);
        }
    }

    @Test
    void subscription_to_all_after_a_position_starts_just_past_it() {
        store().append(stream("a"), ExpectedVersion.any(), events(5));
        List<RecordedEvent> all = Reads.all(store());
        RecordingListener listener = recording();

        try (Subscription ignored = store().subscribeToAll(
                        SubscriptionStart.after(all.get(1).position().value()), EventFilter.all(), listener)) {
            eventually().until(() -> listener.count() >= 3);
        }

        assertThat(listener.events()).containsExactlyElementsOf(all.subList(2, 5));
    }

    @Test
    void subscription_to_all_from_end_sees_only_later_events() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));
        RecordingListener listener = recording();

        try (Subscription subscription =
                store().subscribeToAll(SubscriptionStart.fromEnd(), EventFilter.all(), listener)) {
            store().append(stream("b"), ExpectedVersion.any(), events(2));
            eventually().until(() -> listener.count() >= 2 && subscription.isCaughtUp());
        }

        assertThat(listener.events()).extracting(e -> e.stream().value()).containsExactly("b", "b");
    }

    @Test
    void subscription_to_all_from_end_of_an_empty_store_sees_the_first_event() {
        RecordingListener listener = recording();

        try (Subscription ignored = store().subscribeToAll(SubscriptionStart.fromEnd(), EventFilter.all(), listener)) {
            store().append(stream("a"), ExpectedVersion.any(), events(1));
            eventually().until(() -> listener.count() >= 1);
        }

        assertThat(listener.events()).containsExactlyElementsOf(Reads.all(store()));
    }

    @Test
    void stream_subscription_delivers_only_its_stream_in_version_order() {
        store().append(stream("a"), ExpectedVersion.any(), events(2));
        store().append(stream("b"), ExpectedVersion.any(), events(2));
        RecordingListener listener = recording();

        try (Subscription ignored = store().subscribeToStream(stream("a"), SubscriptionStart.fromStart(), listener)) {
            store().append(stream("a"), ExpectedVersion.any(), events(2));
            eventually().until(() -> listener.count() >= 4);
        }

        assertThat(Reads.versions(listener.events())).containsExactly(0L, 1L, 2L, 3L);
        assertThat(listener.events()).allMatch(e -> e.stream().equals(stream("a")));
    }

    @Test
    void stream_subscription_after_a_version_and_from_end() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));
        RecordingListener after = recording();
        RecordingListener fromEnd = recording();

        try (Subscription a = store().subscribeToStream(stream("a"), SubscriptionStart.after(0), after);
                Subscription b = store().subscribeToStream(stream("a"), SubscriptionStart.fromEnd(), fromEnd)) {
            store().append(stream("a"), ExpectedVersion.any(), events(1));
            eventually().until(() -> after.count() >= 3 && fromEnd.count() >= 1);
        }

        assertThat(Reads.versions(after.events())).containsExactly(1L, 2L, 3L);
        assertThat(Reads.versions(fromEnd.events())).containsExactly(3L);
    }

    @Test
    void subscription_to_a_stream_that_does_not_exist_yet_waits_for_it() {
        RecordingListener listener = recording();

        try (Subscription subscription =
                store().subscribeToStream(stream("later"), SubscriptionStart.fromStart(), listener)) {
            eventually().until(subscription::isCaughtUp);
            store().append(stream("later"), ExpectedVersion.noStream(), events(2));
            eventually().until(() -> listener.count() >= 2);
        }

        assertThat(Reads.versions(listener.events())).containsExactly(0L, 1L);
    }

    @Test
    void tombstoning_a_stream_ends_its_subscription_with_stream_deleted() {
        store().append(stream("a"), ExpectedVersion.any(), events(2));
        RecordingListener listener = recording();

        try (Subscription subscription =
                store().subscribeToStream(stream("a"), SubscriptionStart.fromStart(), listener)) {
            eventually().until(() -> listener.count() >= 2);

            store().tombstone(stream("a"), ExpectedVersion.any());

            eventually().until(listener::isClosed);
            assertThat(listener.closeError()).containsInstanceOf(StreamDeletedException.class);
            eventually().until(subscription::isClosed);
        }
    }

    @Test
    void a_listener_that_throws_ends_its_subscription_with_its_error() {
        store().append(stream("a"), ExpectedVersion.any(), events(5));
        RecordingListener listener = RecordingListener.failingOn(3);

        try (Subscription subscription =
                store().subscribeToAll(SubscriptionStart.fromStart(), EventFilter.all(), listener)) {
            eventually().until(listener::isClosed);
            assertThat(listener.closeError()).containsInstanceOf(IllegalStateException.class);
            assertThat(listener.count()).isEqualTo(2);
            eventually().until(subscription::isClosed);
        }
    }

    @Test
    void close_ends_the_subscription_without_error() {
        RecordingListener listener = recording();
        Subscription subscription = store().subscribeToAll(SubscriptionStart.fromStart(), EventFilter.all(), listener);

        subscription.close();
        subscription.close();

        eventually().until(() -> listener.isClosed() && subscription.isClosed());
        assertThat(listener.closeError()).isEmpty();
    }

    @Test
    void closing_the_store_closes_its_subscriptions() {
        RecordingListener listener = recording();
        Subscription subscription = store().subscribeToStream(stream("a"), SubscriptionStart.fromStart(), listener);

        closeStore();

        eventually().until(() -> listener.isClosed() && subscription.isClosed());
    }

    @Test
    void filtered_subscription_delivers_matching_events_and_checkpoints_past_the_rest() {
        for (int i = 0; i < 6; i++) {
            store().append(stream("order-" + i), ExpectedVersion.any(), events("Placed", 1));
            store().append(stream("audit"), ExpectedVersion.any(), events("Noise", 200));
        }
        RecordingListener listener = recording();
        long head = store().headPosition().orElseThrow().value();

        try (Subscription ignored =
                store().subscribeToAll(SubscriptionStart.fromStart(), EventFilter.types("Placed"), listener)) {
            eventually().until(() -> listener.progress().contains(head));
        }

        assertThat(listener.events())
                .containsExactlyElementsOf(Reads.all(store(), Direction.FORWARD, 100, EventFilter.types("Placed")));
        assertThat(listener.progress()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void filtered_subscription_by_stream_prefix_sees_live_events_of_matching_streams_only() {
        RecordingListener listener = recording();

        try (Subscription ignored =
                store().subscribeToAll(SubscriptionStart.fromStart(), EventFilter.streamPrefixes("order-"), listener)) {
            store().append(stream("order-1"), ExpectedVersion.any(), events(1));
            store().append(stream("invoice-1"), ExpectedVersion.any(), events(3));
            store().append(stream("order-2"), ExpectedVersion.any(), events(1));
            long head = store().headPosition().orElseThrow().value();
            eventually().until(() -> listener.progress().contains(head));
        }

        assertThat(listener.events()).extracting(e -> e.stream().value()).containsExactly("order-1", "order-2");
    }
}
