package io.annal.projection.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The row changes of one transaction, merged by table and key. Sent as multi-row upserts, one
 * statement per chunk of rows that change the same columns the same way, so that a batch of
 * events costs the database a few statements instead of one per event.
 */
final class MergedRows {

    private static final int LONGEST_NAME = 63;
    /** Rows per statement: well under both databases' limit of 32,766 parameters. */
    private static final int CHUNK = 256;
    /** Bounds the rows held in memory when a batch changes very many rows. */
    private static final int MAX_ROWS = 16_384;

    private final Connection connection;
    private final Map<String, List<String>> keysOf = new LinkedHashMap<>();
    private final Map<String, Map<List<Object>, Row>> tables = new LinkedHashMap<>();
    private int rows;

    MergedRows(Connection connection) {
        this.connection = connection;
    }

    static String checkedName(String name) {
        if (!SqlNames.valid(name, LONGEST_NAME, true)) {
            throw new IllegalArgumentException("a column or table name is lower-case letters, digits or '_',"
                    + " starting with a letter or '_' (got '" + name + "')");
        }
        return name;
    }

    /** Whether the caller should send what is held before changing another row. */
    boolean full() {
        return rows >= MAX_ROWS;
    }

    Row row(String table, List<String> keyColumns, List<Object> key) {
        checkedName(table);
        keyColumns.forEach(MergedRows::checkedName);
        if (keyColumns.isEmpty() || keyColumns.size() != key.size()) {
            throw new IllegalArgumentException("a row change needs a value for each of its key columns " + keyColumns
                    + " (got " + key.size() + ")");
        }
        List<String> known = keysOf.putIfAbsent(table, List.copyOf(keyColumns));
        if (known != null && !known.equals(keyColumns)) {
            throw new IllegalArgumentException(
                    "table " + table + " was changed by key " + known + " before, not " + keyColumns);
        }
        Map<List<Object>, Row> changed = tables.computeIfAbsent(table, t -> new LinkedHashMap<>());
        List<Object> copy = List.copyOf(key);
        Row row = changed.get(copy);
        if (row == null) {
            row = new Row(copy);
            changed.put(copy, row);
            rows++;
        }
        return row;
    }

    boolean pending() {
        return rows > 0;
    }

    void flush() throws SQLException {
        for (Map.Entry<String, Map<List<Object>, Row>> table : tables.entrySet()) {
            Map<String, List<Row>> byShape = new LinkedHashMap<>();
            for (Row row : table.getValue().values()) {
                byShape.computeIfAbsent(row.shape(), s -> new ArrayList<>()).add(row);
            }
            for (List<Row> same : byShape.values()) {
                for (int from = 0; from < same.size(); from += CHUNK) {
                    send(table.getKey(), same.subList(from, Math.min(same.size(), from + CHUNK)));
                }
            }
        }
        tables.clear();
        rows = 0;
    }

    private void send(String table, List<Row> chunk) throws SQLException {
        List<String> keys = keysOf.get(table);
        Row first = chunk.get(0);
        try (PreparedStatement statement =
                connection.prepareStatement(UpsertSql.of(table, keys, first, chunk.size()))) {
            int p = 1;
            for (Row row : chunk) {
                for (Object k : row.key) {
                    statement.setObject(p++, k);
                }
                for (Object v : row.values.values()) {
                    statement.setObject(p++, v);
                }
            }
            statement.executeUpdate();
        }
    }

    /** One key's merged change: column to value, and which columns are added rather than set. */
    static final class Row {
        final List<Object> key;
        final Map<String, Object> values = new LinkedHashMap<>();
        final Map<String, Boolean> added = new LinkedHashMap<>();

        Row(List<Object> key) {
            this.key = key;
        }

        void set(String column, Object value) {
            values.put(column, value);
            added.put(column, false);
        }

        void add(String column, long amount) {
            Object before = values.get(column);
            if (before == null) {
                values.put(column, amount);
                added.put(column, true);
            } else if (before instanceof Long sum) {
                values.put(column, Math.addExact(sum, amount));
            } else {
                throw new IllegalArgumentException("column " + column + " was set to a "
                        + before.getClass().getSimpleName() + ", not a number");
            }
        }

        /** Rows of one shape share a statement: the same columns, each set or added alike. */
        String shape() {
            return added.toString();
        }
    }
}
