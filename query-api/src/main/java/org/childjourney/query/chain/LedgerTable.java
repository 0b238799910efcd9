package org.childjourney.query.chain;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A table of the gateway's intake ledger that travels with the events in an export: the idempotency keys of the
 * submissions recorded (a resend after an import is then answered as before, never recorded twice) and the entries
 * of household submissions. The rest of the ledger (which journey holds each identifier, the demographic features)
 * the gateway recomputes from the events when it first starts on the imported store.
 */
record LedgerTable(String name, List<Column> columns) {

    /** The tables, in the order they are exported and imported. */
    static final List<LedgerTable> ALL = List.of(
            new LedgerTable("intake_submission", List.of(text("agency"), text("source_record_id"),
                    text("content_digest"), text("submission_type"), uuid("journey_id"), uuid("entry_id"),
                    text("recorded_at"), uuid("household_reference"))),
            new LedgerTable("intake_household_entry", List.of(uuid("entry_id"), text("agency"),
                    text("source_record_id"), new Column("child", Types.INTEGER), uuid("journey_id"))));

    String select() {
        return "SELECT " + names() + " FROM " + name;
    }

    String insert() {
        return "INSERT INTO " + name + " (" + names() + ") VALUES ("
                + columns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /** The value of each column of the result's current row, as text (a number as a number), null where null. */
    Object[] read(ResultSet row) throws SQLException {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = row.getObject(i + 1);
            values[i] = value == null ? null : columns.get(i).type() == Types.INTEGER ? row.getInt(i + 1)
                    : value.toString();
        }
        return values;
    }

    /** Sets the statement's parameters from values as {@link #read} gave them. */
    void bind(PreparedStatement insert, List<Object> values) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                insert.setNull(i + 1, columns.get(i).type());
            } else if (columns.get(i).type() == Types.OTHER) {
                insert.setObject(i + 1, UUID.fromString(value.toString()));
            } else if (columns.get(i).type() == Types.INTEGER) {
                insert.setInt(i + 1, ((Number) value).intValue());
            } else {
                insert.setString(i + 1, value.toString());
            }
        }
    }

    private String names() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    private static Column text(String name) {
        return new Column(name, Types.VARCHAR);
    }

    private static Column uuid(String name) {
        return new Column(name, Types.OTHER);
    }

    /** A column and its SQL type: text, a whole number, or a UUID ({@code OTHER}). */
    record Column(String name, int type) {
    }
}
