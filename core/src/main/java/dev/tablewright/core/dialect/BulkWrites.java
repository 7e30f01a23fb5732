package dev.tablewright.core.dialect;

import dev.tablewright.core.base.LogicalType;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** One facet of {@link Dialect}: how many rows go in at once (JDBC batches, multi-row INSERTs, COPY) and how generated keys come back. */
public sealed interface BulkWrites extends SqlSyntax permits Dialect {
    /**
     * Must a batch into this table go as multi-row INSERT … VALUES (…), (…) statements instead of
     * JDBC batches? (MariaDB: its bulk protocol loses rows of tables with INSERT triggers.)
     * {@code historyStandsAside}: the history's insert trigger does nothing for this insert
     * ({@link HistoryCapture#historyCaptureRows}), so it does not count.
     */
    default boolean needsMultiRowInsert(Connection connection, String table, boolean historyStandsAside) throws SQLException {
        return false;
    }

    /** Does the dialect have a bulk-load path faster than batched INSERTs (PostgreSQL's COPY)? */
    default boolean supportsBulkLoad() {
        return false;
    }

    /**
     * Loads rows of canonical values (as {@link ValueCodec#bind} takes them), each in the order of
     * {@code columns}, inside the caller's transaction. Only called when {@link #supportsBulkLoad()}.
     */
    default void bulkLoad(Connection connection, String table, List<String> columns, List<LogicalType> types,
                          List<Object[]> rows) throws SQLException {
        throw new UnsupportedOperationException(name() + " has no bulk-load path");
    }

    /** Is the generated key of a raw INSERT available through getGeneratedKeys without changing the statement? */
    boolean rawGeneratedKeys();

    /** The row id of the last INSERT on this connection, where the dialect has one and not through getGeneratedKeys. */
    default Object lastInsertRowId(Connection connection) throws SQLException {
        return null;
    }
}
