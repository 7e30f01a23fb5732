package dev.tablewright.core.history;

import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history of the workbench's own bulk inserts, written apart from the row trigger, which
 * stands aside meanwhile (decisions 10 and 11): SQLite by one INSERT … SELECT after it (by rowid),
 * MariaDB batch by batch from the rows each batch wrote. Others' inserts still fire the trigger.
 */
final class BulkCapture {
    private final Session session;
    private final Dialect dialect;

    BulkCapture(Session session) {
        this.session = session;
        this.dialect = session.dialect();
    }

    /** Runs {@code insertion} into the tracked table the workbench made, recording its history. */
    <T> T insert(Connection c, TableSchema schema, Session.BulkWork<T> insertion) throws SQLException {
        String table = schema.name();
        String key = schema.primaryKey().get(0);
        Map<String, LogicalType> columns = new LinkedHashMap<>();
        schema.fields().forEach((k, v) -> columns.put(k, v.type()));
        if (dialect.historyBulkCapture()) {
            return captureAfter(c, table, key, columns, insertion);
        }
        FieldSpec keySpec = schema.fields().get(key);
        // rowId is the key as the trigger's CAST(… AS CHAR) writes it, which Java's text matches for these types.
        boolean plainKey = keySpec.type() == LogicalType.STRING || keySpec.type() == LogicalType.INTEGER;
        if (keySpec.autoIncrement() || !plainKey || !dialect.historyCaptureRows(c, table)) {
            return insertion.run(c, null);
        }
        String user = session.user();
        run(c, dialect.startBulkCapture());
        try (PreparedStatement capture = c.prepareStatement(dialect.historyRowInsert(InternalNames.historyTable(table)))) {
            return insertion.run(c, (written, rows) -> {
                int[] at = columns.keySet().stream().mapToInt(written::indexOf).toArray();
                int keyAt = written.indexOf(key);
                for (Object[] row : rows) {
                    capture.setString(1, keyAt < 0 || row[keyAt] == null ? null : String.valueOf(row[keyAt]));
                    capture.setString(2, user);
                    capture.setString(3, rowJson(columns, at, row));
                    capture.addBatch();
                }
                capture.executeBatch();
            });
        } finally {
            run(c, dialect.endBulkCapture());
        }
    }

    /** The row as the insert trigger would have written it: every column, null where none was written. */
    private String rowJson(Map<String, LogicalType> columns, int[] at, Object[] row) {
        StringBuilder json = new StringBuilder(256).append('{');
        int i = 0;
        for (Map.Entry<String, LogicalType> column : columns.entrySet()) {
            Object v = at[i] < 0 ? null : row[at[i]];
            json.append(i++ == 0 ? "\"" : ", \"").append(column.getKey()).append("\": ");
            if (v != null && (column.getValue() == LogicalType.JSON || column.getValue() == LogicalType.JSONB)) {
                json.append((String) v);
                continue;
            }
            Object stored = v == null ? null : dialect.historyJsonValue(column.getValue(), v);
            if (stored instanceof String text) {
                quote(json, text);
            } else if (stored == null || stored instanceof Long || stored instanceof Boolean || stored instanceof Double d && Double.isFinite(d)) {
                json.append(stored);
            } else {
                json.append(Json.write(stored));
            }
        }
        return json.append('}').toString();
    }

    /** A JSON string, escaped here rather than by a Jackson generator made for every value. */
    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }

    private <T> T captureAfter(Connection c, String table, String key, Map<String, LogicalType> columns, Session.BulkWork<T> insertion) throws SQLException {
        long mark;
        try (PreparedStatement ps = session.prepare(c, dialect.bulkCaptureMark(table)); ResultSet rs = ps.executeQuery()) {
            rs.next();
            mark = rs.getLong(1);
        }
        run(c, dialect.startBulkCapture());
        T result;
        try {
            result = insertion.run(c, null);
        } finally {
            run(c, dialect.endBulkCapture());
        }
        try (PreparedStatement ps = c.prepareStatement(dialect.historyBulkInsert(table, InternalNames.historyTable(table), key, columns))) {
            ps.setString(1, session.user());
            ps.setLong(2, mark);
            ps.executeUpdate();
        }
        return result;
    }

    void run(Connection c, List<SqlStatement> statements) throws SQLException {
        for (SqlStatement s : statements) {
            try (PreparedStatement ps = session.prepare(c, s)) {
                ps.execute();
            }
        }
    }
}
