package io.annal.kafka;

import io.annal.store.StreamName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which topic each stream's integration events go to, by stream-name prefix; the first matching
 * prefix wins. Streams that match none are not published.
 */
public final class TopicRoutes {

    private final Map<String, String> topicByPrefix;

    private TopicRoutes(Map<String, String> topicByPrefix) {
        this.topicByPrefix = topicByPrefix;
    }

    /** {@code annal.bank} for accounts and transfers, {@code annal.orders} for orders and inventory. */
    public static TopicRoutes defaults() {
        return none().route("account-", "annal.bank")
                .route("transfer-", "annal.bank")
                .route("order-", "annal.orders")
                .route("inventory-", "annal.orders");
    }

    public static TopicRoutes none() {
        return new TopicRoutes(Map.of());
    }

    /** These routes plus streams starting with {@code prefix} going to {@code topic}. */
    public TopicRoutes route(String prefix, String topic) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(topic, "topic");
        if (prefix.isEmpty() || topic.isBlank()) {
            throw new IllegalArgumentException("a route needs a stream prefix and a topic");
        }
        Map<String, String> more = new LinkedHashMap<>(topicByPrefix);
        more.put(prefix, topic);
        return new TopicRoutes(more);
    }

    public Optional<String> topicOf(StreamName stream) {
        for (Map.Entry<String, String> route : topicByPrefix.entrySet()) {
            if (stream.startsWith(route.getKey())) {
                return Optional.of(route.getValue());
            }
        }
        return Optional.empty();
    }

    public List<String> prefixes() {
        return List.copyOf(topicByPrefix.keySet());
    }

    public List<String> topics() {
        return topicByPrefix.values().stream().distinct().toList();
    }
}
