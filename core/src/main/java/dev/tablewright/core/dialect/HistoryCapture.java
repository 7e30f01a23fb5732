package dev.tablewright.core.dialect;

import dev.tablewright.core.base.LogicalType;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** One facet of {@link Dialect}: the triggers and statements that record history, and telling them who writes. */
public sealed interface HistoryCapture extends SqlSyntax permits Dialect {
    /**
     * Triggers that copy every inserted, updated and deleted row of {@code table} into
     * {@code historyTable} (rowId, operation, changedAt, changedBy, data), so changes by any client
     * are recorded. Column names have been checked to be plain names.
     */
    List<String> historyTriggers(String table, String historyTable, String keyColumn, Map<String, LogicalType> columns);

    /** Drops what {@link #historyTriggers} made; no error when there is nothing. */
    List<String> dropHistoryTriggers(String table);

    /**
     * Can the history of a bulk insert be written in one statement after it, instead of by a row
     * trigger per row? (SQLite: its row triggers cost 3-4x a plain insert.)
     */
    default boolean historyBulkCapture() {
        return false;
    }

    /** Statements that make the insert trigger stand aside for this transaction's bulk insert. */
    default List<SqlStatement> startBulkCapture() {
        return List.of();
    }

    /** Ends {@link #startBulkCapture}. */
    default List<SqlStatement> endBulkCapture() {
        return List.of();
    }

    /** Where the rows a bulk insert adds begin: a value compared with {@link #historyBulkInsert}'s bound. */
    default SqlStatement bulkCaptureMark(String table) {
        throw new UnsupportedOperationException(name());
    }

    /** INSERT … SELECT of the history of the rows past the mark (bound first), changedBy bound second. */
    default String historyBulkInsert(String table, String historyTable, String keyColumn, Map<String, LogicalType> columns) {
        throw new UnsupportedOperationException(name());
    }

    /**
     * Can the history of a bulk insert into this table be written batch by batch from the rows
     * each batch wrote, while the insert trigger stands aside ({@link #startBulkCapture})?
     * (MariaDB: its row trigger costs 4x a plain insert, and stops the driver's bulk protocol.)
     * Only asked for tables the workbench made, whose every value it writes itself.
     */
    default boolean historyCaptureRows(Connection connection, String table) throws SQLException {
        return false;
    }

    /** INSERT of one history row of an insert: rowId, changedBy and data bound in that order. */
    default String historyRowInsert(String historyTable) {
        throw new UnsupportedOperationException(name());
    }

    /**
     * A stored value as the history triggers' JSON holds it: a String, Long, Double or Boolean
     * (JSON columns are embedded as they are, not through here); {@code value} is not null.
     */
    default Object historyJsonValue(LogicalType type, Object value) {
        throw new UnsupportedOperationException(name());
    }

    /** Do the history triggers store json/jsonb columns as their text (to be parsed when read)? */
    default boolean historyKeepsJsonAsText() {
        return false;
    }

    /** Tables the history triggers need besides the history table itself (created when history is switched on). */
    default List<String> historySupportTables() {
        return List.of();
    }

    /** Statements, in the write's transaction, telling the triggers who writes. */
    default List<SqlStatement> setActor(String user) {
        return List.of();
    }

    /** Statements, still in the write's transaction, that end what {@link #setActor} said. */
    default List<SqlStatement> endActor() {
        return List.of();
    }

    /** Statements, after the transaction, that leave the pooled connection without an actor. */
    default List<SqlStatement> clearActor() {
        return List.of();
    }

    /**
     * An SQL expression for one field of a row as {@link #historyTriggers} stored it in the JSON
     * column {@code data} (a qualified column reference), of the same native type as the table's
     * column, SQL NULL where the JSON has none: reads of the past filter, order and compare it as
     * they would the column. {@code key} is a plain name.
     */
    default String historyValue(String data, String key, LogicalType type) {
        throw new UnsupportedOperationException(name());
    }

    /**
     * A condition true where field {@code key} differs between two stored rows (JSON columns
     * {@code newer} and {@code older}), for the audit log's changedField filter.
     */
    default String historyFieldChanged(String newer, String older, String key) {
        throw new UnsupportedOperationException(name());
    }

    /**
     * INSERT … SELECT of every row of the table into its history as it stands, in the triggers'
     * layout, with {@code operation} and {@code changedAt} bound in that order and no changedBy:
     * what a table tracked from now on held when tracking began.
     */
    default String historySnapshot(String table, String historyTable, String keyColumn, Map<String, LogicalType> columns) {
        throw new UnsupportedOperationException(name());
    }

    /** A SELECT of the database's clock as the history triggers read it (one row, one DATE column). */
    default String historyClock() {
        throw new UnsupportedOperationException(name());
    }

    /** The history's rowId of a key column, as the triggers write it (so it meets the rowId index). */
    default String historyRowId(String keyColumn) {
        return "CAST(" + keyColumn + " AS TEXT)";
    }
}
