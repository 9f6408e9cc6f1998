package io.annal.kafka;

import io.annal.store.AllSlice;
import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.EventStore;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
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
 * <p>Design: one thread reads {@code $all} in pages from a checkpoint, sends each page's
 * published events (the {@link IntegrationContract} says which and as what; {@link TopicRoutes}
 * says where; the stream name is the key, so one stream stays in one partition, in order), waits
 * until the broker has acknowledged every record of the page, and only then moves the checkpoint
 * past it. A crash or a broker outage before that sends the page again from the checkpoint:
 * delivery is at least once, never at most once, and consumers drop repeats by the event id.
 * A failed send closes the producer (an idempotent producer may be unusable after one), waits
 * and starts over from the checkpoint.
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
            published = next;
            if (settings.createTopics) {
                TopicCreator.ensure(settings.bootstrapServers, settings.routes.topics());
            }
            while (!closed) {
                Producer<String, byte[]> producer = new KafkaProducer<>(
                        ProducerSettings.of(settings.bootstrapServers, "annal-outbox-" + settings.name));
                try {
                    next = relay(producer, next);
                } catch (SendFailedException e) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "relay " + settings.name + ": " + e.getMessage() + "; sending again from position " + next
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
        } catch (RuntimeException | Error e) {
            if (!closed) { // an interrupted send is how close() stops a busy relay
                failure.set(e);
                settings.failed.accept(e);
            }
        }
    }

    /** Relays page after page until closed; returns the checkpoint reached. */
    private Position relay(Producer<String, byte[]> producer, Position from) {
        Position next = from;
        while (!closed) {
            AllSlice page = settings.store.readAll(next, Direction.FORWARD, settings.batchSize, filter);
            if (page.events().isEmpty()) {
                pause(settings.idlePause);
                continue;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(page.events().size());
            int sent = 0;
            for (RecordedEvent event : page.events()) {
                Optional<String> topic = settings.routes.topicOf(event.stream());
                Optional<IntegrationEvent> integration = settings.contract.map(event);
                if (topic.isPresent() && integration.isPresent()) {
                    acks.add(producer.send(new ProducerRecord<>(
                            topic.get(), event.stream().value(), CloudEventsJson.encode(integration.get()))));
                    settings.afterSend.accept(++sent);
                }
            }
            producer.flush();
            awaitAll(acks);
            RecordedEvent last = page.events().getLast();
            Position after = page.next().orElse(Position.of(last.position().value() + 1));
            settings.beforeCheckpoint.accept(after);
            checkpoint.save(after);
            next = after;
            this.published = after;
        }
        return next;
    }

    private static void awaitAll(List<Future<RecordMetadata>> acks) {
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (ExecutionException e) {
                throw new SendFailedException("the broker did not acknowledge a record", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SendFailedException("interrupted while waiting for acknowledgements", e);
            }
        }
    }

    private void pause(Duration pause) {
        if (!closed) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pause.toMillis()));
        }
    }

    /** A page was not acknowledged: start over from the checkpoint with a new producer. */
    private static final class SendFailedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        SendFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
