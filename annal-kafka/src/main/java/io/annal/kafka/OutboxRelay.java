package io.annal.kafka;

import io.annal.store.AllSlice;
import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.EventStore;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionListener;
import io.annal.store.SubscriptionStart;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes the store's events to Kafka as integration events: the event log is the outbox.
 *
 * <p>Design: one thread reads {@code $all} in pages from a checkpoint and sends each page's
 * published events (the {@link IntegrationContract} says which and as what; {@link TopicRoutes}
 * says where; the stream name is the key, so one stream stays in one partition, in order). It does
 * not wait for a page's acknowledgements before sending the next: up to {@code pagesInFlight}
 * pages are outstanding, and the checkpoint follows only the prefix of pages the broker has wholly
 * acknowledged. It is saved every {@code checkpointInterval} or {@code checkpointEvents} events,
 * whichever comes first, and on a clean stop, because each save is an append that queues behind
 * the store's other writers. A crash or a broker outage sends again from the checkpoint: delivery
 * is at least once, never at most once, and consumers drop repeats by the event id. A failed send
 * closes the producer (an idempotent producer may be unusable after one), waits and starts over
 * from what was acknowledged. A subscription to the published events wakes the relay on appends;
 * {@code idlePause} is only the fallback.
 *
 * <p>Thread safety: {@link #start()} and {@link #close()} may be called from any thread; the
 * relay's work happens on its own thread.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final OutboxRelayBuilder settings;
    private final RelayCheckpoint checkpoint;
    private final EventFilter filter;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closed;
    private volatile Position published = Position.START;
    // the relay thread's own: the last checkpoint saved, and when
    private Position saved = Position.START;
    private long lastSave = System.nanoTime();
    private long unsavedEvents;
    private Thread thread;

    OutboxRelay(OutboxRelayBuilder b) {
        this.settings = b;
        this.checkpoint = new RelayCheckpoint(b.store, b.name);
        this.filter = new EventFilter(b.contract.eventTypes(), b.routes.prefixes());
    }

    /** Starts a relay named {@code name}: its checkpoint is {@code $checkpoint-outbox-<name>}. */
    public static OutboxRelayBuilder builder(String name, EventStore store, String bootstrapServers) {
        return new OutboxRelayBuilder(name, store, bootstrapServers);
    }

    public synchronized OutboxRelay start() {
        if (thread != null) {
            throw new IllegalStateException("relay " + settings.name + " was started before");
        }
        thread = Thread.ofVirtual().name("outbox-relay-" + settings.name).start(this::run);
        return this;
    }

    /** The position up to which every published event is acknowledged by the broker. */
    public Position acknowledgedUpTo() {
        return published;
    }

    /** Why the relay stopped on its own, if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Stops the relay; what is not acknowledged yet is sent again by the next relay. */
    @Override
    public void close() {
        closed = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            Position next = checkpoint.load();
            saved = next;
            published = next;
            if (settings.createTopics) {
                TopicCreator.ensure(settings.bootstrapServers, settings.routes.topics());
            }
            try (Subscription doorbell = doorbell()) {
                while (!closed) {
                    relayWithNewProducer();
                }
            }
        } catch (RuntimeException | Error e) {
            if (!closed) { // an interrupted send is how close() stops a busy relay
                failure.set(e);
                settings.failed.accept(e);
            }
        }
    }

    private void relayWithNewProducer() {
        Producer<String, byte[]> producer =
                new KafkaProducer<>(ProducerSettings.of(settings.bootstrapServers, "annal-outbox-" + settings.name));
        InFlightPages inFlight = new InFlightPages(Thread.currentThread(), published);
        try {
            relay(producer, inFlight);
            finish(inFlight);
        } catch (InFlightPages.SendFailedException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "relay " + settings.name + ": " + e.getMessage() + "; sending again from position " + published
                            + " after a pause",
                    e.getCause());
            pause(settings.retryPause);
        } finally {
            boolean interrupted = Thread.interrupted(); // let close() wait for the sends in flight
            producer.close(CLOSE_TIMEOUT);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Reads and sends pages while earlier ones await their acknowledgements, at most {@code
     * pagesInFlight} of them; the checkpoint follows the acknowledged prefix, paced by time and count.
     */
    private void relay(Producer<String, byte[]> producer, InFlightPages inFlight) {
        Position read = inFlight.acknowledged();
        try {
            while (!closed) {
                acknowledge(inFlight, false);
                if (inFlight.size() < settings.pagesInFlight) {
                    AllSlice page = settings.store.readAll(read, Direction.FORWARD, settings.batchSize, filter);
                    if (!page.events().isEmpty()) {
                        read = send(producer, page, inFlight);
                        continue;
                    }
                }
                // woken early by an acknowledged page or by an append (the doorbell)
                LockSupport.parkNanos(Math.min(settings.idlePause.toNanos(), untilCheckpointDue()));
            }
        } catch (RuntimeException e) {
            if (!closed || e instanceof InFlightPages.SendFailedException) {
                throw e;
            }
        }
    }

    private Position send(Producer<String, byte[]> producer, AllSlice page, InFlightPages inFlight) {
        RecordedEvent last = page.events().getLast();
        Position after = page.next().orElse(Position.of(last.position().value() + 1));
        InFlightPages.Page pending = inFlight.open(after, page.events().size());
        int sent = 0;
        for (RecordedEvent event : page.events()) {
            Optional<String> topic = settings.routes.topicOf(event.stream());
            Optional<IntegrationEvent> integration = settings.contract.map(event);
            if (topic.isPresent() && integration.isPresent()) {
                Future<RecordMetadata> unused = producer.send(
                        new ProducerRecord<>(
                                topic.get(), event.stream().value(), CloudEventsJson.encode(integration.get())),
                        pending.sending());
                settings.afterSend.accept(++sent);
            }
        }
        pending.sealed();
        return after;
    }

    /** Moves the position over acknowledged pages; saves the checkpoint when due or when forced. */
    private void acknowledge(InFlightPages inFlight, boolean force) {
        unsavedEvents += inFlight.drain();
        Position acked = inFlight.acknowledged();
        published = acked;
        if (acked.value() > saved.value()
                && (force || unsavedEvents >= settings.checkpointEvents || untilCheckpointDue() == 0)) {
            settings.beforeCheckpoint.accept(acked);
            checkpoint.save(acked);
            saved = acked;
            unsavedEvents = 0;
            lastSave = System.nanoTime();
        }
    }

    private long untilCheckpointDue() {
        return Math.max(0, lastSave + settings.checkpointInterval.toNanos() - System.nanoTime());
    }

    /** On a clean stop: waits a while for the pages in flight, then saves what was acknowledged. */
    private void finish(InFlightPages inFlight) {
        boolean interrupted = Thread.interrupted();
        try {
            long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
            while (inFlight.size() > 0 && System.nanoTime() < deadline) {
                inFlight.drain();
                LockSupport.parkNanos(Math.min(TimeUnit.MILLISECONDS.toNanos(10), deadline - System.nanoTime()));
            }
            acknowledge(inFlight, true);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "relay " + settings.name + ": the checkpoint was not saved on stopping; the next relay"
                            + " sends again from " + saved,
                    e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Wakes the relay when a published event is appended, rather than polling for it. */
    private Subscription doorbell() {
        Thread relay = Thread.currentThread();
        return settings.store.subscribeToAll(SubscriptionStart.fromEnd(), filter, new SubscriptionListener() {
            @Override
            public void onEvent(RecordedEvent event) {
                LockSupport.unpark(relay);
            }

            @Override
            public void onClosed(Throwable error) {
                if (error != null && !closed) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "relay " + settings.name + ": no wake-up on appends, polling every "
                                    + settings.idlePause.toMillis() + " ms",
                            error);
                }
            }
        });
    }

    private void pause(Duration pause) {
        if (!closed) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pause.toMillis()));
        }
    }
}
