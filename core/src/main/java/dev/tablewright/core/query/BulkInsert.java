package dev.tablewright.core.query;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.BulkWrites;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.schema.SchemaManager;
import dev.tablewright.core.schema.TableSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * addRows: many rows in one transaction, all or none, written shape by shape as JDBC batches,
 * multi-row INSERTs or the dialect's bulk load (COPY), whichever the dialect does fastest.
 */
final class BulkInsert {
    private static final int BATCH = 1000;
    /** From this many rows on, a dialect's bulk-load path (COPY) is worth its set-up. */
    private static final int BULK_LOAD_MIN = 50;
    /**
     * Rows per bulk load (COPY) when the history is written from the rows: they are held until
     * the load ends. Without history one load takes every row of its shape, as it streams.
     */
    private static final int BULK_CHUNK = 10_000;
    /** Placeholders in one multi-row INSERT: well under MySQL's limit of 65,535. */
    private static final int MAX_PARAMS = 30_000;

    private final Session session;
    private final Dialect dialect;
    private final SchemaManager schemas;

    BulkInsert(Session session, SchemaManager schemas) {
        this.session = session;
        this.dialect = session.dialect();
        this.schemas = schemas;
    }

    /** {@code user} replaces values that are exactly {@code $USER}; null to take the values as they are. */
    int insertAll(String table, List<? extends Map<String, ?>> rows, String user) {
        TableSchema schema = schemas.require(table);
        if (rows == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "No data given: pass an array of rows.");
        }
        if (rows.isEmpty()) {
            return 0;
        }
        Instant now = RowShape.now();
        // Rows are checked and written a batch at a time inside one transaction: a bad row anywhere
        // rolls everything back (all or none) without holding every converted row in memory.
        return session.inWriteTransaction(table, c -> session.bulkInsert(c, table, (conn, written) -> {
            BulkWriter writer = new BulkWriter(conn, schema, written);
            try {
                RowShape shape = null;
                for (int i = 0; i < rows.size(); i++) {
                    Map<String, ?> data = rows.get(i);
                    if (data == null) {
                        throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Row " + i + " is null.");
                    }
                    Object[] values = shape == null ? null : shape.valuesIfFits(data, now, i, user);
                    if (values == null) {
                        shape = writer.shapeFor(data, "Row " + i + ": ");
                        values = shape.valuesIfFits(data, now, i, user);
                    }
                    writer.add(shape, values);
                }
                writer.flushAll();
            } catch (RuntimeException | SQLException | Error e) {
                writer.cancelLoad(e);
                throw e;
            }
            return rows.size();
        }));
    }

    /**
     * Writes rows shape by shape: JDBC batches, or the dialect's bulk load (COPY), into which each
     * row goes as soon as it is converted. The COPY streams while the next rows are converted, so
     * the client and the server work at once (as a hand-written COPY does), and a converted row is
     * encoded while it is still in the CPU's cache instead of after 10,000 others.
     */
    private final class BulkWriter {
        private final Connection c;
        private final TableSchema schema;
        private final Map<Set<String>, RowShape> shapes = new HashMap<>();
        private final boolean multiRow;
        private final Session.RowsWritten written;
        /** The open bulk load and the shape it loads: one at a time, since it holds the connection. */
        private BulkWrites.BulkLoad load;
        private RowShape loading;
        /** The rows of the open load, kept only for {@link #written}. */
        private List<Object[]> loaded;

        BulkWriter(Connection c, TableSchema schema, Session.RowsWritten written) throws SQLException {
            this.c = c;
            this.schema = schema;
            this.written = written;
            // While the history is written batch by batch from the rows, its insert trigger stands aside.
            this.multiRow = dialect.needsMultiRowInsert(c, schema.name(), written != null);
        }

        RowShape shapeFor(Map<String, ?> data, String where) {
            RowShape shape = shapes.get(data.keySet());
            if (shape == null) {
                shape = new RowShape(schema, data.keySet(), where);
                shapes.put(shape.dataKeys, shape);
            }
            return shape;
        }

        void add(RowShape shape, Object[] values) throws SQLException {
            if (shape == loading) {
                load.add(values);
                if (loaded != null) {
                    loaded.add(values);
                    if (loaded.size() >= BULK_CHUNK) {
                        endLoad();
                    }
                }
                return;
            }
            shape.pending.add(values);
            if (bulk(shape)) {
                // Rows of several shapes mixed (optional fields left out) take the connection from
                // each other a chunk at a time, not every few rows.
                if (shape.pending.size() >= (load == null ? BULK_LOAD_MIN : BULK_CHUNK)) {
                    startLoad(shape);
                }
            } else if (shape.pending.size() >= BATCH) {
                endLoad();
                flush(shape);
            }
        }

        private boolean bulk(RowShape shape) {
            return dialect.supportsBulkLoad() && !shape.columns.isEmpty();
        }

        /** Opens a bulk load for the shape (ending any other) and sends its pending rows. */
        private void startLoad(RowShape shape) throws SQLException {
            endLoad();
            load = dialect.openBulkLoad(c, schema.name(), shape.columns, shape.types);
            loading = shape;
            for (Object[] row : shape.pending) {
                load.add(row);
            }
            // The history is told of a load's rows when it ends: a COPY holds the connection until then.
            loaded = written != null ? shape.pending : null;
            shape.pending = new ArrayList<>();
        }

        private void endLoad() throws SQLException {
            if (load == null) {
                return;
            }
            load.finish();
            load = null;
            RowShape shape = loading;
            loading = null;
            if (written != null) {
                written.batch(shape.columns, loaded);
            }
            loaded = null;
        }

        /** After a failure: gives the connection back from an open load, so the transaction can roll back. */
        void cancelLoad(Throwable failure) {
            if (load != null) {
                try {
                    load.cancel();
                } catch (SQLException e) {
                    failure.addSuppressed(e);
                }
                load = null;
                loading = null;
            }
        }

        void flushAll() throws SQLException {
            try {
                endLoad();
                for (RowShape shape : shapes.values()) {
                    // A shape that waited for another's load with enough rows still goes as a bulk load.
                    if (bulk(shape) && shape.pending.size() >= BULK_LOAD_MIN) {
                        startLoad(shape);
                        endLoad();
                    } else {
                        flush(shape);
                    }
                }
            } finally {
                for (RowShape shape : shapes.values()) {
                    if (shape.statement != null) {
                        shape.statement.close();
                    }
                }
            }
        }

        /** Writes the shape's pending rows as INSERTs: fewer than a bulk load is worth, or a dialect without one. */
        private void flush(RowShape shape) throws SQLException {
            if (shape.pending.isEmpty()) {
                return;
            }
            if (multiRow && !shape.columns.isEmpty()) {
                multiRow(shape);
            } else {
                if (shape.statement == null) {
                    shape.statement = c.prepareStatement(RowShape.insertSql(dialect, schema, shape.columns));
                }
                PreparedStatement ps = shape.statement;
                for (Object[] row : shape.pending) {
                    for (int k = 0; k < row.length; k++) {
                        dialect.bind(ps, k + 1, shape.types.get(k), row[k]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (written != null) {
                written.batch(shape.columns, shape.pending);
            }
            shape.pending = new ArrayList<>();
        }

        /** INSERT … VALUES (…), (…): as many rows per statement as the placeholder limit allows. */
        private void multiRow(RowShape shape) throws SQLException {
            int width = shape.columns.size();
            int perStatement = Math.max(1, Math.min(BATCH, MAX_PARAMS / width));
            List<Object[]> rows = shape.pending;
            for (int from = 0; from < rows.size(); from += perStatement) {
                int n = Math.min(perStatement, rows.size() - from);
                StringBuilder sql = new StringBuilder(RowShape.insertSql(dialect, schema, shape.columns));
                String tuple = sql.substring(sql.lastIndexOf(" VALUES ") + 8);
                for (int r = 1; r < n; r++) {
                    sql.append(", ").append(tuple);
                }
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    int index = 1;
                    for (int r = from; r < from + n; r++) {
                        Object[] row = rows.get(r);
                        for (int k = 0; k < width; k++) {
                            dialect.bind(ps, index++, shape.types.get(k), row[k]);
                        }
                    }
                    ps.executeUpdate();
                }
            }
        }
    }
}
