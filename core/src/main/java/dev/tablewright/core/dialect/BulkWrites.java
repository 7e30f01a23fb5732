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
     * Opens a bulk load of rows of canonical values (as {@link ValueCodec#bind} takes them), each in
     * the order of {@code columns}, inside the caller's transaction. Only called when
     * {@link #supportsBulkLoad()}.
     */
    default BulkLoad openBulkLoad(Connection connection, String table, List<String> columns, List<LogicalType> types) throws SQLException {
        throw new UnsupportedOperationException(name() + " has no bulk-load path");
    }

    /** A bulk load under way (a COPY): it holds the connection until it is finished or cancelled. */
    interface BulkLoad {
        /** Sends the row, or buffers it to send with the next ones. */
        void add(Object[] row) throws SQLException;

        /** Sends what is buffered and ends the load; the server's errors (a duplicate key) come here at the latest. */
        void finish() throws SQLException;

        /** Abandons a load that has not finished (after a failure), so the connection can roll back. */
        void cancel() throws SQLException;
    }

    /** Is the generated key of a raw INSERT available through getGeneratedKeys without changing the statement? */
    boolean rawGeneratedKeys();

    /** The row id of the last INSERT on this connection, where the dialect has one and not through getGeneratedKeys. */
    default Object lastInsertRowId(Connection connection) throws SQLException {
        return null;
    }
}
