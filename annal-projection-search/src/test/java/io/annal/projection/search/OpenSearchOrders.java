package io.annal.projection.search;

import io.annal.projection.Projection;
import io.annal.projection.ProjectionHandler;
import io.annal.projection.search.OrderIndex.Order;
import io.annal.store.EventFilter;
import io.annal.store.RecordedEvent;
import java.io.IOException;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;

/** {@link OrderIndex}'s model in OpenSearch: one document per order, the latest text of its stream. */
final class OpenSearchOrders implements ProjectionHandler<OpenSearchContext> {

    /** The document as stored; the field names are what queries match. */
    record OrderDocument(String orderId, String customer, String products, long version) {}

    static Projection<OpenSearchContext> projection() {
        return Projection.of("orders", 1, EventFilter.streamPrefixes("order-"), new OpenSearchOrders());
    }

    @Override
    public void handle(OpenSearchContext context, RecordedEvent event) {
        Order order = OrderIndex.fold(null, event);
        context.put(
                order.orderId(),
                new OrderDocument(order.orderId(), order.customer(), order.products(), order.version()));
    }

    static Optional<Order> find(OpenSearchClient client, OpenSearchReadModels models, String orderId)
            throws IOException {
        var found = client.get(g -> g.index(models.alias("orders")).id(orderId), OrderDocument.class);
        return Optional.ofNullable(found.found() ? found.source() : null)
                .map(d -> new Order(d.orderId(), d.customer(), d.products(), d.version()));
    }

    static long count(OpenSearchClient client, OpenSearchReadModels models) throws IOException {
        return client.count(c -> c.index(models.alias("orders"))).count();
    }

    static long countMatching(OpenSearchClient client, OpenSearchReadModels models, String product) throws IOException {
        return client.count(c -> c.index(models.alias("orders"))
                        .query(q -> q.match(m -> m.field("products").query(v -> v.stringValue(product)))))
                .count();
    }
}
