package io.annal.projection.search;

import io.annal.projection.Projection;
import io.annal.projection.ProjectionHandler;
import io.annal.store.EventFilter;
import io.annal.store.RecordedEvent;
import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * A test search model: one document per order stream, whose events carry {@code customer
 * products...} as plain text; the document holds the latest text and the stream version.
 */
final class OrderIndex implements ProjectionHandler<SearchContext> {

    record Order(String orderId, String customer, String products, long version) {}

    static Projection<SearchContext> projection() {
        return Projection.of("orders", 1, EventFilter.streamPrefixes("order-"), new OrderIndex());
    }

    @Override
    public void handle(SearchContext context, RecordedEvent event) throws IOException {
        context.writer().updateDocument(new Term("id", idOf(event)), document(event));
    }

    static Order fold(Order state, RecordedEvent event) {
        String[] words = event.dataAsString().split(" ", 2);
        return new Order(idOf(event), words[0], words[1], event.version());
    }

    private static Document document(RecordedEvent event) {
        Order order = fold(null, event);
        Document d = new Document();
        d.add(new StringField("id", order.orderId(), Store.YES));
        d.add(new StringField("customer", order.customer(), Store.YES));
        d.add(new TextField("products", order.products(), Store.YES));
        d.add(new StoredField("version", order.version()));
        return d;
    }

    static Optional<Order> find(LuceneReadModels models, String orderId) {
        return models.search("orders", s -> {
            TopDocs top = s.search(new TermQuery(new Term("id", orderId)), 2);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document d = s.storedFields().document(top.scoreDocs[0].doc);
            return Optional.of(new Order(
                    d.get("id"),
                    d.get("customer"),
                    d.get("products"),
                    d.getField("version").numericValue().longValue()));
        });
    }

    static int countMatching(LuceneReadModels models, String product) {
        return models.search("orders", s -> s.count(new TermQuery(new Term("products", product))));
    }

    static int count(LuceneReadModels models) {
        return models.search("orders", s -> s.count(new org.apache.lucene.search.WildcardQuery(new Term("id", "*"))));
    }

    private static String idOf(RecordedEvent event) {
        return event.stream().value().substring("order-".length());
    }
}
