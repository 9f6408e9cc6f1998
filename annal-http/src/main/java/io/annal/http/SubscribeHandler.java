package io.annal.http;

import io.annal.store.EventFilter;
import io.annal.store.EventStore;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamInfo;
import io.annal.store.StreamName;
import io.annal.store.StreamState;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionListener;
import io.annal.store.SubscriptionStart;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /subscribe/all} and {@code /subscribe/streams/{stream}} as Server-Sent Events. The
 * store's subscription does catch-up then live without gap; it hands events to the request's
 * thread through a small queue, so that the same thread can send heartbeats while nothing
 * happens and notice a client that went away.
 */
final class SubscribeHandler {

    private static final Object CLOSED = new Object();

    private final EventStore store;
    private final ApiLimits limits;
    private final BooleanSupplier stopping;
    private final java.util.Set<BlockingQueue<Object>> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SubscribeHandler(EventStore store, ApiLimits limits, BooleanSupplier stopping) {
        this.store = store;
        this.limits = limits;
        this.stopping = stopping;
    }

    void all(ServerRequest req, ServerResponse res) {
        SubscriptionStart start = start(req);
        EventFilter filter = AllHandler.filter(req);
        stream(res, true, listener -> store.subscribeToAll(start, filter, listener));
    }

    void stream(ServerRequest req, ServerResponse res) {
        List<String> segments = Requests.segmentsAfter(req, "/subscribe/streams/");
        if (segments.size() != 1) {
            throw Problem.notFound("subscribe to one stream at /subscribe/streams/{stream}");
        }
        StreamName stream = StreamName.of(segments.getFirst());
        Optional<StreamInfo> info = store.info(stream);
        if (info.isPresent() && info.get().state() == StreamState.TOMBSTONED) {
            throw Problem.of(410, "Gone", "stream '" + stream + "' was permanently deleted")
                    .with("stream", stream.value());
        }
        SubscriptionStart start = start(req);
        stream(res, false, listener -> store.subscribeToStream(stream, start, listener));
    }

    /** {@code Last-Event-ID} resumes after that id; else {@code from} (inclusive); else the start. */
    private static SubscriptionStart start(ServerRequest req) {
        Optional<String> lastEventId = Requests.header(req, Requests.LAST_EVENT_ID);
        if (lastEventId.isPresent() && !lastEventId.get().isBlank()) {
            return SubscriptionStart.after(Requests.nonNegative(lastEventId.get(), "Last-Event-ID"));
        }
        long from = Requests.longParam(req, "from", 0);
        return from == 0 ? SubscriptionStart.fromStart() : SubscriptionStart.after(from - 1);
    }

    private void stream(ServerResponse res, boolean byPosition, Subscriber subscriber) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(256);
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        open.add(queue);
        Subscription subscription = subscriber.subscribe(new SubscriptionListener() {
            @Override
            public void onEvent(RecordedEvent event) throws InterruptedException {
                // a full queue holds back the store's subscription (it then reads from storage);
                // once the client is gone, give up instead of waiting for a reader that never comes
                while (!queue.offer(event, 100, TimeUnit.MILLISECONDS)) {
                    if (done.get()) {
                        throw new java.util.concurrent.CancellationException("the client went away");
                    }
                }
            }

            @Override
            public void onClosed(Throwable error) {
                queue.offer(CLOSED);
            }
        });
        try (SseSink sink = res.sink(SseSink.TYPE)) {
            sink.emit(SseEvent.builder().comment(" subscribed").build());
            long heartbeatMillis = limits.heartbeat().toMillis();
            while (!stopping.getAsBoolean()) {
                Object next = queue.poll(heartbeatMillis, TimeUnit.MILLISECONDS);
                if (next == CLOSED) {
                    break;
                }
                if (next instanceof RecordedEvent event) {
                    long id = byPosition ? event.position().value() : event.version();
                    sink.emit(SseEvent.builder()
                            .id(Long.toString(id))
                            .name(event.type())
                            .data(new String(Json.event(event), java.nio.charset.StandardCharsets.UTF_8))
                            .build());
                } else {
                    sink.emit(SseEvent.builder().comment(" heartbeat").build());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the client went away: nothing to answer, only the subscription to end
        } finally {
            done.set(true);
            open.remove(queue);
            subscription.close();
        }
    }

    /** Ends every open subscription now rather than at its next heartbeat: the server is stopping. */
    void endAll() {
        for (BlockingQueue<Object> queue : open) {
            queue.clear();
            queue.offer(CLOSED);
        }
    }

    @FunctionalInterface
    private interface Subscriber {
        Subscription subscribe(SubscriptionListener listener);
    }
}
