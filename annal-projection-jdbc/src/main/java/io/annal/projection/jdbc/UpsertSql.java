package io.annal.projection.jdbc;

import java.util.List;
import java.util.Map;

/** The text of a multi-row upsert, the same in SQLite and PostgreSQL. */
final class UpsertSql {

    private UpsertSql() {}

    static String of(String table, List<String> keys, MergedRows.Row shape, int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
        sql.append(String.join(", ", keys));
        for (String column : shape.added.keySet()) {
            sql.append(", ").append(column);
        }
        String one = "(?" + ", ?".repeat(keys.size() + shape.added.size() - 1) + ")";
        sql.append(") VALUES ").append(one);
        for (int i = 1; i < rows; i++) {
            sql.append(", ").append(one);
        }
        sql.append(" ON CONFLICT (").append(String.join(", ", keys)).append(") DO ");
        if (shape.added.isEmpty()) {
            return sql.append("NOTHING").toString();
        }
        sql.append("UPDATE SET ");
        String separator = "";
        for (Map.Entry<String, Boolean> column : shape.added.entrySet()) {
            String name = column.getKey();
            sql.append(separator).append(name).append(" = ");
            if (column.getValue()) {
                sql.append(table).append('.').append(name).append(" + ");
            }
            sql.append("excluded.").append(name);
            separator = ", ";
        }
        return sql.toString();
    }
}
