package io.annal.projection.jdbc;

import java.util.Objects;

/**
 * One row's change, queued by {@link JdbcContext#change}: columns set to a value and columns
 * added to. Changes of the same row within one transaction merge before they are sent (a later
 * set wins, adds sum up), and the rows go as multi-row {@code INSERT ... ON CONFLICT DO UPDATE}
 * statements. A row not there yet is inserted with what was set and added, the table's column
 * defaults for the rest.
 */
public final class RowChange {

    private final MergedRows.Row row;

    RowChange(MergedRows.Row row) {
        this.row = row;
    }

    /** Sets {@code column} to {@code value}, replacing whatever it held. */
    public RowChange set(String column, Object value) {
        row.set(MergedRows.checkedName(column), Objects.requireNonNull(value, column));
        return this;
    }

    /** Adds {@code amount} to {@code column}, or sets it to {@code amount} in a new row. */
    public RowChange add(String column, long amount) {
        row.add(MergedRows.checkedName(column), amount);
        return this;
    }
}
