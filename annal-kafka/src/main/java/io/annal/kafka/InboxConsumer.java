package io.annal.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads integration events from Kafka and hands each to an {@link IntegrationListener}, committing
 * offsets only after the listener returned: at least once. With an idempotent listener (a {@link
 * StoreInbox}) every event takes effect exactly once, across consumer crashes and broker restarts.
 */
public final class InboxConsumer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(InboxConsumer.class.getName());
    private static final Duration POLL = Duration.ofMillis(200);

    private final String group;
    private final List<String> topics;
    private final IntegrationListener listener;
    private final KafkaConsumer<String, byte[]> consumer;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closed;
    private Thread thread;

    private InboxConsumer(String bootstrapServers, String group, List<String> topics, IntegrationListener listener) {
        this.group = Objects.requireNonNull(group, "group");
        this.topics = List.copyOf(topics);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.consumer = new KafkaConsumer<>(settings(bootstrapServers, group));
    }

    /** A consumer in group {@code group} for {@code topics}; {@link #start()} it. */
    public static InboxConsumer of(
            String bootstrapServers, String group, List<String> topics, IntegrationListener listener) {
        return new InboxConsumer(bootstrapServers, group, topics, listener);
    }

    public synchronized InboxConsumer start() {
        if (thread != null) {
            throw new IllegalStateException("consumer " + group + " was started before");
        }
        thread = Thread.ofVirtual().name("inbox-consumer-" + group).start(this::run);
        return this;
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            consumer.close();
        }
    }

    private void run() {
        try (consumer) {
            consumer.subscribe(topics);
            while (!closed) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                for (ConsumerRecord<String, byte[]> record : records) {
                    listener.onEvent(CloudEventsJson.decode(record.value()));
                }
                if (!records.isEmpty()) {
                    commit();
                }
            }
        } catch (WakeupException | InterruptException e) {
            if (!closed) {
                failure.set(e);
            }
        } catch (Exception e) {
            failure.set(e);
            LOG.log(System.Logger.Level.ERROR, "inbox consumer " + group + " stopped", e);
        }
    }

    /** A commit that fails (say the broker is restarting) is not fatal: the next one covers it. */
    private void commit() {
        try {
            consumer.commitSync();
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.log(System.Logger.Level.WARNING, "inbox consumer " + group + " could not commit; will again", e);
        }
    }

    private static Properties settings(String bootstrapServers, String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }
}
