package io.annal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.annal.examples.Envelope;
import io.annal.examples.orders.OrderEvent;
import io.annal.examples.orders.OrderLine;
import io.annal.examples.orders.OrderSummary;
import io.annal.examples.orders.OrderSummaryView;
import io.annal.examples.orders.OrdersCodecs;
import io.annal.store.EventStore;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Order summaries, searchable by customer, status and free text over the customer and the
 * products ordered ({@code GET /queries/orders?customerId=&status=&q=}).
 */
final class OrdersReadModel extends FoldedReadModel<OrderEvent, OrdersReadModel.OrderDocument> {

    /** A summary and the products its order ever held, for the text search. */
    record OrderDocument(OrderSummary summary, Set<String> products) {}

    private static final OrderSummaryView VIEW = OrderSummaryView.create();

    OrdersReadModel(EventStore store) {
        super(
                "orders",
                store,
                "order-",
                OrdersCodecs.orders(),
                new OrderDocument(VIEW.initialState(), Set.of()),
                OrdersReadModel::evolve,
                d -> !d.summary().status().isEmpty(),
                d -> render(d.summary()));
    }

    private static OrderDocument evolve(OrderDocument doc, Envelope<OrderEvent> envelope) {
        Set<String> products = doc.products();
        if (envelope.event() instanceof OrderEvent.OrderCreated created) {
            products = new TreeSet<>(products);
            for (OrderLine line : created.items()) {
                products.add(line.productId());
            }
        } else if (envelope.event() instanceof OrderEvent.ItemAdded added) {
            products = new TreeSet<>(products);
            products.add(added.productId());
        }
        return new OrderDocument(VIEW.evolve(doc.summary(), envelope.event()), Set.copyOf(products));
    }

    @Override
    public Optional<JsonNode> search(Map<String, List<String>> parameters) {
        Optional<String> customer = first(parameters, "customerId");
        Optional<String> status = first(parameters, "status");
        List<String> words = first(parameters, "q")
                .map(q -> List.of(q.toLowerCase(Locale.ROOT).trim().split("\\s+")))
                .orElse(List.of());
        ObjectNode out = ReadModels.JSON.createObjectNode();
        ArrayNode results = out.putArray("results");
        all().stream()
                .filter(d -> customer.isEmpty() || d.summary().customerId().equals(customer.get()))
                .filter(d -> status.isEmpty() || d.summary().status().equals(status.get()))
                .filter(d -> words.stream().allMatch(w -> w.isEmpty() || matches(d, w)))
                .sorted(Comparator.comparing(d -> d.summary().orderId()))
                .forEach(d -> results.add(render(d.summary())));
        return Optional.of(out);
    }

    private static boolean matches(OrderDocument doc, String word) {
        if (doc.summary().customerId().toLowerCase(Locale.ROOT).contains(word)
                || doc.summary().orderId().toLowerCase(Locale.ROOT).contains(word)) {
            return true;
        }
        return doc.products().stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(word));
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return values.isEmpty() || values.getFirst().isBlank() ? Optional.empty() : Optional.of(values.getFirst());
    }

    static JsonNode render(OrderSummary s) {
        ObjectNode out = ReadModels.JSON
                .createObjectNode()
                .put("orderId", s.orderId())
                .put("customerId", s.customerId())
                .put("status", s.status())
                .put("itemCount", s.itemCount())
                .put("total", s.total());
        s.carrier().ifPresent(c -> out.put("carrier", c));
        s.trackingNumber().ifPresent(t -> out.put("trackingNumber", t));
        return out;
    }
}
