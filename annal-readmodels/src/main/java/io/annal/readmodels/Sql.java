package io.annal.readmodels;

import io.annal.store.StreamName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers for the reference read models. */
final class Sql {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Sql() {}

    static int update(Connection c, String sql, Object... arguments) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, arguments);
            return s.executeUpdate();
        }
    }

    static <T> List<T> select(Connection c, String sql, RowMapper<T> mapper, Object... arguments) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, arguments);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(mapper.map(r));
                }
            }
        }
        return rows;
    }

    /** The id in a stream name such as {@code account-a-1}: what follows the first dash. */
    static String idOf(StreamName stream) {
        String name = stream.value();
        return name.substring(name.indexOf('-') + 1);
    }

    private static void bind(PreparedStatement s, Object... arguments) throws SQLException {
        for (int i = 0; i < arguments.length; i++) {
            s.setObject(i + 1, arguments[i]);
        }
    }
}
