package io.annal.projection.jdbc;

import io.annal.projection.Projection;
import io.annal.projection.ProjectionHandler;
import io.annal.store.EventFilter;
import io.annal.store.RecordedEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test read model that records the data of every event it applies, and fails on the events
 * whose data is listed as poison until they are cured.
 */
final class SeenEvents implements ProjectionHandler<JdbcContext> {

    private final Set<String> poison = ConcurrentHashMap.newKeySet();

    SeenEvents() {}

    static SeenEvents poisonedBy(String... data) {
        SeenEvents seen = new SeenEvents();
        seen.poison.addAll(List.of(data));
        return seen;
    }

    Projection<JdbcContext> projection() {
        return Projection.of("seen", 1, EventFilter.all(), this);
    }

    void cure() {
        poison.clear();
    }

    @Override
    public void prepare(JdbcContext context) throws Exception {
        try (Statement s = context.connection().createStatement()) {
            s.execute("CREATE TABLE " + context.table("seen")
                    + " (event_position BIGINT PRIMARY KEY, data TEXT NOT NULL)");
        }
    }

    @Override
    public void handle(JdbcContext context, RecordedEvent event) throws Exception {
        if (poison.contains(event.dataAsString())) {
            throw new IllegalStateException("cannot digest " + event.dataAsString());
        }
        try (PreparedStatement s = context.connection()
                .prepareStatement("INSERT INTO " + context.table("seen") + " (event_position, data) VALUES (?, ?)")) {
            s.setLong(1, event.position().value());
            s.setString(2, event.dataAsString());
            s.executeUpdate();
        }
    }

    static List<String> read(JdbcReadModels models) {
        return models.query(c -> {
            List<String> data = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT data FROM seen ORDER BY data")) {
                while (r.next()) {
                    data.add(r.getString(1));
                }
            }
            return data;
        });
    }
}
