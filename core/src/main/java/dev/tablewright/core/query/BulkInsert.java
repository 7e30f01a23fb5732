package dev.tablewright.core.query;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.connect.Session;
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
    /** Rows per bulk load (COPY): large enough to amortize it, small enough to stream. */
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
            return rows.size();
        }));
    }

    /** Writes rows shape by shape: JDBC batches, or the dialect's bulk load (COPY) in chunks. */
    private final class BulkWriter {
        private final Connection c;
        private final TableSchema schema;
        private final Map<Set<String>, RowShape> shapes = new HashMap<>();
        private final boolean multiRow;
        private final Session.RowsWritten written;

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
            shape.pending.add(values);
            if (shape.pending.size() >= (bulk(shape) ? BULK_CHUNK : BATCH)) {
                flush(shape);
            }
        }

        private boolean bulk(RowShape shape) {
            return dialect.supportsBulkLoad() && !shape.columns.isEmpty();
        }

        void flushAll() throws SQLException {
            try {
                for (RowShape shape : shapes.values()) {
                    flush(shape);
                }
            } finally {
                for (RowShape shape : shapes.values()) {
                    if (shape.statement != null) {
                        shape.statement.close();
                    }
                }
            }
        }

        private void flush(RowShape shape) throws SQLException {
            if (shape.pending.isEmpty()) {
                return;
            }
            if (bulk(shape) && shape.pending.size() >= BULK_LOAD_MIN) {
                dialect.bulkLoad(c, schema.name(), shape.columns, shape.types, shape.pending);
            } else if (multiRow && !shape.columns.isEmpty()) {
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
