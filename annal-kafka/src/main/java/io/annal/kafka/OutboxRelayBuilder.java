package io.annal.kafka;

import io.annal.store.EventStore;
import io.annal.store.Position;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

/** Configures an {@link OutboxRelay}. Kafka's producer settings are not among them, on purpose. */
public final class OutboxRelayBuilder {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());

    final String name;
    final EventStore store;
    final String bootstrapServers;
    IntegrationContract contract = IntegrationContract.referenceDomains();
    TopicRoutes routes = TopicRoutes.defaults();
    int batchSize = 1024;
    boolean createTopics = true;
    Duration idlePause = Duration.ofMillis(10);
    int pagesInFlight = 4;
    Duration checkpointInterval = Duration.ofMillis(200);
    int checkpointEvents = 20_000;
    Duration retryPause = Duration.ofSeconds(1);
    IntConsumer afterSend = sent -> {};
    Consumer<Position> beforeCheckpoint = next -> {};
    Consumer<Throwable> failed = e -> LOG.log(System.Logger.Level.ERROR, "outbox relay stopped", e);

    OutboxRelayBuilder(String name, EventStore store, String bootstrapServers) {
        if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException(
                    "a relay's name is lower-case letters, digits and dashes, not '" + name + "'");
        }
        this.name = name;
        this.store = Objects.requireNonNull(store, "store");
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    }

    /** What is published and as what; {@link IntegrationContract#referenceDomains()} by default. */
    public OutboxRelayBuilder contract(IntegrationContract integrationContract) {
        this.contract = Objects.requireNonNull(integrationContract, "contract");
        return this;
    }

    /** Where each stream's events go; {@link TopicRoutes#defaults()} by default. */
    public OutboxRelayBuilder topics(TopicRoutes topicRoutes) {
        this.routes = Objects.requireNonNull(topicRoutes, "topic routes");
        return this;
    }

    /**
     * Whether the relay creates its topics (broker defaults for partitions and replication) when
     * they do not exist; on by default. Turn it off where topics are managed elsewhere.
     */
    public OutboxRelayBuilder createTopics(boolean create) {
        this.createTopics = create;
        return this;
    }

    /** Events read and sent as one page; the checkpoint moves over whole pages; 1,024 by default. */
    public OutboxRelayBuilder batchSize(int events) {
        if (events < 1 || events > io.annal.store.StoreLimits.MAX_READ_COUNT) {
            throw new IllegalArgumentException(
                    "a batch is 1 to " + io.annal.store.StoreLimits.MAX_READ_COUNT + " events, not " + events);
        }
        this.batchSize = events;
        return this;
    }

    /**
     * How many pages may await the broker's acknowledgements while the next is sent; 4 by default.
     * More keeps the producer busy across a slow acknowledgement at the cost of more repeats after
     * a crash.
     */
    public OutboxRelayBuilder pagesInFlight(int pages) {
        if (pages < 1 || pages > 64) {
            throw new IllegalArgumentException("pages in flight are 1 to 64, not " + pages);
        }
        this.pagesInFlight = pages;
        return this;
    }

    /**
     * Saves the checkpoint once {@code interval} has passed or {@code events} more are acknowledged,
     * whichever is first, and always on a clean stop; 200 ms or 20,000 events by default. What was
     * acknowledged after the last save is sent again after a crash.
     */
    public OutboxRelayBuilder checkpointEvery(Duration interval, int events) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("a checkpoint interval is zero or more, not " + interval);
        }
        if (events < 1) {
            throw new IllegalArgumentException("a checkpoint is saved every 1 or more events, not " + events);
        }
        this.checkpointInterval = interval;
        this.checkpointEvents = events;
        return this;
    }

    /**
     * How long to wait before looking for new events when there were none, if no append woke the
     * relay before; 10 ms by default.
     */
    public OutboxRelayBuilder idlePause(Duration pause) {
        this.idlePause = Objects.requireNonNull(pause, "pause");
        return this;
    }

    /**
     * Called after each record of a page is handed to the producer, with its count in the page.
     * Throwing stops the relay there, as a crash would; tests use it.
     */
    public OutboxRelayBuilder afterSend(IntConsumer hook) {
        this.afterSend = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /** Called with the acknowledged position before each checkpoint save; throwing stops the relay. */
    public OutboxRelayBuilder beforeCheckpoint(Consumer<Position> hook) {
        this.beforeCheckpoint = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /** Told when the relay stops on a failure; logs by default. */
    public OutboxRelayBuilder onFailure(Consumer<Throwable> listener) {
        this.failed = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public OutboxRelay build() {
        return new OutboxRelay(this);
    }
}
