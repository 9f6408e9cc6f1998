package io.annal.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the relay's topics that do not exist yet, with the broker's default partitions and
 * replication, before anything is sent. A producer that publishes into a topic the broker creates
 * on first use was seen to stall on an out-of-order sequence until its delivery timeout.
 */
final class TopicCreator {

    private static final long WAIT_SECONDS = 60;

    private TopicCreator() {}

    static void ensure(String bootstrapServers, List<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var created = admin.createTopics(topics.stream()
                            .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty()))
                            .toList())
                    .values();
            for (var result : created.entrySet()) {
                try {
                    result.getValue().get(WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "could not create topic " + result.getKey() + ": "
                                        + e.getCause().getMessage(),
                                e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + topics, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the brokers did not create topics " + topics + " in time", e);
        }
    }
}
