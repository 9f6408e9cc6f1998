package io.annal.projection.search;

import io.annal.projection.DeadLetter;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** A dead letter as a document in its build's index, so that parking commits with the checkpoint. */
final class DeadLetterDocuments {

    static final String KIND = "annal.kind";
    static final String DEAD_LETTER = "dead-letter";
    static final String ID = "annal.dead.id";

    private DeadLetterDocuments() {}

    static Query all() {
        return new TermQuery(new Term(KIND, DEAD_LETTER));
    }

    static Term id(String id) {
        return new Term(ID, id);
    }

    static Document of(
            String id,
            String projection,
            long generation,
            RecordedEvent event,
            String error,
            int attempts,
            Instant at) {
        Document d = new Document();
        d.add(new StringField(KIND, DEAD_LETTER, Store.NO));
        d.add(new StringField(ID, id, Store.YES));
        d.add(new StoredField("annal.dead.projection", projection));
        d.add(new StoredField("annal.dead.generation", generation));
        d.add(new StoredField("annal.dead.position", event.position().value()));
        d.add(new StoredField("annal.dead.stream", event.stream().value()));
        d.add(new StoredField("annal.dead.version", event.version()));
        d.add(new StoredField("annal.dead.event", event.id().toString()));
        d.add(new StoredField("annal.dead.type", event.type()));
        d.add(new StoredField("annal.dead.error", error));
        d.add(new StoredField("annal.dead.attempts", attempts));
        d.add(new StoredField("annal.dead.at", at.toEpochMilli()));
        return d;
    }

    static List<DeadLetter> readAll(IndexSearcher searcher) throws IOException {
        return read(searcher, all());
    }

    static List<DeadLetter> read(IndexSearcher searcher, Query query) throws IOException {
        TopDocs top = searcher.search(query, LuceneReadModels.maxDeadLetters());
        List<DeadLetter> letters = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            letters.add(read(searcher.storedFields().document(hit.doc)));
        }
        return letters;
    }

    static DeadLetter read(Document d) {
        return new DeadLetter(
                d.get(ID),
                d.get("annal.dead.projection"),
                d.getField("annal.dead.generation").numericValue().longValue(),
                Position.of(d.getField("annal.dead.position").numericValue().longValue()),
                new StreamName(d.get("annal.dead.stream")),
                d.getField("annal.dead.version").numericValue().longValue(),
                UUID.fromString(d.get("annal.dead.event")),
                d.get("annal.dead.type"),
                d.get("annal.dead.error"),
                d.getField("annal.dead.attempts").numericValue().intValue(),
                Instant.ofEpochMilli(d.getField("annal.dead.at").numericValue().longValue()));
    }
}
