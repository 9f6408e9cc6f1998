package io.annal.http;

import io.annal.store.AllSlice;
import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.EventStore;
import io.annal.store.Position;
import io.annal.store.StoreLimits;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.HashSet;
import java.util.List;

/** {@code GET /all}: every event in the global order, filtered by type and stream prefix. */
final class AllHandler {

    private final EventStore store;

    AllHandler(EventStore store) {
        this.store = store;
    }

    void handle(ServerRequest req, ServerResponse res) {
        boolean backward = Requests.backward(req);
        long from = Requests.longParam(req, "from", backward ? Long.MAX_VALUE : 0);
        int limit = Requests.limit(req, StoreLimits.MAX_READ_COUNT);
        AllSlice slice =
                store.readAll(Position.of(from), backward ? Direction.BACKWARD : Direction.FORWARD, limit, filter(req));
        Responses.json(res, Json.write(g -> {
            g.writeStartObject();
            Json.writeEvents(g, "events", slice.events());
            if (slice.next().isPresent()) {
                g.writeNumberField("next", slice.next().get().value());
            } else {
                g.writeNullField("next");
            }
            g.writeEndObject();
        }));
    }

    static EventFilter filter(ServerRequest req) {
        List<String> types = Requests.queryAll(req, "type");
        List<String> prefixes = Requests.queryAll(req, "prefix");
        return new EventFilter(new HashSet<>(types), prefixes);
    }
}
