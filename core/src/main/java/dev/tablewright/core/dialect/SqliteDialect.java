package dev.tablewright.core.dialect;

import dev.tablewright.core.base.Dates;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.lex.SqlFlavor;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** SQLite through sqlite-jdbc: foreign keys on, WAL, dates as fixed-width ISO text, booleans as 0/1. */
public final class SqliteDialect implements Dialect {

    /** Booleans are stored as 0/1. */
    @Override
    public String literal(LogicalType type, Object value) {
        if (type == LogicalType.BOOLEAN && value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        return Dialect.super.literal(type, value);
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public char identifierQuote() {
        return '"';
    }

    @Override
    public String columnType(LogicalType type) {
        return switch (type) {
            case STRING, TEXT, DATE, JSON, JSONB -> "TEXT";
            case INTEGER, BOOLEAN -> "INTEGER";
            case NUMBER -> "REAL";
            case FILE -> "BLOB";
        };
    }

    @Override
    public String autoIncrementPrimaryKey() {
        return "INTEGER PRIMARY KEY AUTOINCREMENT";
    }

    @Override
    public void bind(PreparedStatement ps, int index, LogicalType type, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.NULL);
            return;
        }
        if (v instanceof Boolean b) {
            ps.setInt(index, b ? 1 : 0);
        } else if (v instanceof Instant i) {
            ps.setString(index, Dates.store(i));
        } else if (v instanceof Long l) {
            ps.setLong(index, l);
        } else if (v instanceof Double d) {
            ps.setDouble(index, d);
        } else if (v instanceof byte[] bytes) {
            ps.setBytes(index, bytes);
        } else {
            ps.setString(index, v.toString());
        }
    }

    @Override
    public Object read(ResultSet rs, int column, LogicalType type) throws SQLException {
        Object raw = rs.getObject(column);
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case STRING, TEXT -> raw instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : raw.toString();
            case INTEGER -> raw instanceof Number n ? (Object) n.longValue() : parseLongOrKeep(raw.toString());
            case NUMBER -> raw instanceof Number n ? (Object) n.doubleValue() : parseDoubleOrKeep(raw.toString());
            case BOOLEAN -> raw instanceof Number n ? n.longValue() != 0 : Boolean.parseBoolean(raw.toString()) || "1".equals(raw.toString());
            case DATE -> raw instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : Dates.parse(raw.toString()).map(Object.class::cast).orElse(raw.toString());
            case JSON, JSONB -> Json.read(raw.toString());
            case FILE -> raw instanceof byte[] b ? b : raw.toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    private static Object parseLongOrKeep(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return s;
        }
    }

    private static Object parseDoubleOrKeep(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return s;
        }
    }

    @Override
    public LogicalType inferType(String nativeType, int jdbcType, int size) {
        // SQLite's own affinity rules (sqlite.org/datatype3.html, 3.1), refined by common names.
        String t = nativeType == null ? "" : nativeType.toUpperCase(Locale.ROOT);
        if (t.contains("BOOL")) {
            return LogicalType.BOOLEAN;
        }
        if (t.contains("DATE") || t.contains("TIME")) {
            return LogicalType.DATE;
        }
        if (t.contains("JSON")) {
            return LogicalType.JSON;
        }
        if (t.contains("INT")) {
            return LogicalType.INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB")) {
            return LogicalType.STRING;
        }
        if (t.contains("TEXT")) {
            return LogicalType.TEXT;
        }
        if (t.contains("BLOB") || t.isEmpty()) {
            return t.isEmpty() ? LogicalType.TEXT : LogicalType.FILE;
        }
        return LogicalType.NUMBER;
    }

    private static String path(List<String> path) {
        return "$" + path.stream().map(p -> ".\"" + p + "\"").collect(Collectors.joining());
    }

    @Override
    public SqlStatement jsonValue(String column, LogicalType columnType, List<String> path, JsonKind kind) {
        String p = path(path);
        return switch (kind) {
            case NUMBER -> SqlStatement.of("(CASE WHEN json_type(" + column + ", ?) IN ('integer','real') THEN json_extract(" + column + ", ?) END)", p, p);
            case STRING -> SqlStatement.of("(CASE WHEN json_type(" + column + ", ?) = 'text' THEN json_extract(" + column + ", ?) END)", p, p);
            case BOOLEAN -> SqlStatement.of("(CASE WHEN json_type(" + column + ", ?) IN ('true','false') THEN json_type(" + column + ", ?) END)", p, p);
        };
    }

    @Override
    public SqlStatement jsonIsNull(String column, LogicalType columnType, List<String> path) {
        String p = path(path);
        return SqlStatement.of("(json_type(" + column + ", ?) IS NULL OR json_type(" + column + ", ?) = 'null')", p, p);
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> placeholders, List<String> keyColumns, List<String> updateColumns) {
        return "INSERT INTO " + quoteIdentifier(table) + " (" + join(columns) + ") VALUES (" + String.join(", ", placeholders)
                + ") ON CONFLICT (" + join(keyColumns) + ") DO "
                + (updateColumns.isEmpty() ? "NOTHING"
                : "UPDATE SET " + updateColumns.stream().map(c -> quoteIdentifier(c) + " = excluded." + quoteIdentifier(c)).collect(Collectors.joining(", ")));
    }

    private String join(List<String> columns) {
        return columns.stream().map(this::quoteIdentifier).collect(Collectors.joining(", "));
    }

    @Override
    public String forUpdate() {
        return "";
    }

    @Override
    public List<String> listTables(Connection connection) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** From the PRAGMA table functions: the driver's metadata calls scan every table each time. */
    @Override
    public TableCatalog tableCatalog(Connection connection, String table) throws SQLException {
        return SqliteCatalog.read(connection, table);
    }

    @Override
    public Map<String, TableCatalog> tableCatalogs(Connection connection, List<String> tables) throws SQLException {
        return SqliteCatalog.readAll(connection, tables);
    }

    @Override
    public List<TableCatalog.ExportedKey> exportedKeys(Connection connection, String table) throws SQLException {
        return SqliteCatalog.exportedKeys(connection, table);
    }

    @Override
    public String metaCatalog(Connection connection) {
        return null;
    }

    @Override
    public String metaSchema(Connection connection) {
        return null;
    }

    @Override
    public void dropEverything(Connection connection) throws SQLException {
        List<String[]> objects = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT type, name FROM sqlite_master WHERE type IN ('view','trigger','table') AND name NOT LIKE 'sqlite!_%' ESCAPE '!' "
                     + "ORDER BY CASE type WHEN 'trigger' THEN 0 WHEN 'view' THEN 1 ELSE 2 END")) {
            while (rs.next()) {
                objects.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            try {
                for (String[] o : objects) {
                    st.execute("DROP " + o[0].toUpperCase(Locale.ROOT) + " IF EXISTS " + quoteIdentifier(o[1]));
                }
            } finally {
                st.execute("PRAGMA foreign_keys = ON");
            }
        }
    }

    @Override
    public boolean supportsAlterAddConstraint() {
        return false;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public boolean rawGeneratedKeys() {
        return false;
    }

    @Override
    public Object lastInsertRowId(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    @Override
    public SqlFlavor scriptFlavor() {
        return SqlFlavor.SQLITE;
    }

    @Override
    public ErrorCode classify(SQLException e) {
        // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with their extended codes in the upper bits.
        int primary = e.getErrorCode() & 0xff;
        if (primary == 5 || primary == 6) {
            return ErrorCode.DATABASE_BUSY;
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("UNIQUE constraint failed") || m.contains("PRIMARYKEY")) {
            return ErrorCode.UNIQUE_VIOLATION;
        }
        if (m.contains("NOT NULL constraint failed")) {
            return ErrorCode.NOT_NULL_VIOLATION;
        }
        if (m.contains("FOREIGN KEY constraint failed")) {
            return ErrorCode.FOREIGN_KEY_VIOLATION;
        }
        return null;
    }

    @Override
    public String noLimit() {
        return "-1";
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    @Override
    public String alterSetNotNull(String table, String column, LogicalType type) {
        throw new UnsupportedOperationException("SQLite changes constraints by rebuilding the table");
    }

    @Override
    public String comparableDate(String column, boolean writtenByWorkbench) {
        // Text dates of other tools come in several ISO forms; strftime brings them all to ours.
        return writtenByWorkbench ? column : "strftime('%Y-%m-%dT%H:%M:%fZ', " + column + ")";
    }

    @Override
    public String dropForeignKey(String table, String constraint) {
        throw new UnsupportedOperationException("SQLite changes constraints by rebuilding the table");
    }

    @Override
    public List<String> historyTriggers(String table, String historyTable, String keyColumn, Map<String, LogicalType> columns) {
        List<String> out = new ArrayList<>();
        for (String[] op : new String[][]{{"INSERT", "insert", "NEW", "ins"}, {"UPDATE", "update", "NEW", "upd"}, {"DELETE", "delete", "OLD", "del"}}) {
            // The workbench's own bulk inserts write their history in one statement (historyBulkInsert).
            String when = op[0].equals("INSERT") ? " WHEN NOT EXISTS (SELECT 1 FROM " + quoteIdentifier(InternalNames.ACTOR_TABLE) + " WHERE \"id\" = 2)" : "";
            out.add("CREATE TRIGGER " + quoteIdentifier(InternalNames.historyTrigger(table, op[3])) + " AFTER " + op[0] + " ON " + quoteIdentifier(table)
                    + when + " BEGIN INSERT INTO " + quoteIdentifier(historyTable) + HISTORY_COLUMNS + " VALUES (CAST("
                    + op[2] + "." + quoteIdentifier(keyColumn) + " AS TEXT), '" + op[1] + "', " + NOW + ", (SELECT \"user\" FROM "
                    + quoteIdentifier(InternalNames.ACTOR_TABLE) + " WHERE \"id\" = 1), " + rowJson(op[2] + ".", columns) + "); END");
        }
        return out;
    }

    private static final String HISTORY_COLUMNS = " (\"rowId\", \"operation\", \"changedAt\", \"changedBy\", \"data\")";
    private static final String NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    /** json_object of a row; JSON columns go in as their text (read back by type), files as hex. */
    private String rowJson(String prefix, Map<String, LogicalType> columns) {
        StringBuilder json = new StringBuilder("json_object(");
        int i = 0;
        for (Map.Entry<String, LogicalType> c : columns.entrySet()) {
            String ref = prefix + quoteIdentifier(c.getKey());
            json.append(i++ == 0 ? "" : ", ").append("'").append(c.getKey()).append("', ")
                    .append(c.getValue() == LogicalType.FILE ? "hex(" + ref + ")" : ref);
        }
        return json.append(')').toString();
    }

    @Override
    public String historyValue(String data, String key, LogicalType type) {
        String value = "json_extract(" + data + ", " + quoteText("$.\"" + key + "\"") + ")";
        // hex(NULL) is '', so the triggers store a missing file as ''.
        return type == LogicalType.FILE ? "unhex(NULLIF(" + value + ", ''))" : value;
    }

    @Override
    public String historyFieldChanged(String newer, String older, String key) {
        String path = quoteText("$.\"" + key + "\"");
        return "json_extract(" + newer + ", " + path + ") IS NOT json_extract(" + older + ", " + path + ")";
    }

    @Override
    public String historySnapshot(String table, String historyTable, String keyColumn, Map<String, LogicalType> columns) {
        return "INSERT INTO " + quoteIdentifier(historyTable) + HISTORY_COLUMNS + " SELECT CAST(" + quoteIdentifier(keyColumn) + " AS TEXT), ?, ?, NULL, "
                + rowJson("", columns) + " FROM " + quoteIdentifier(table);
    }

    /** SQLite renames an index by making it again, here with its WHERE clause. */
    @Override
    public List<String> renameHistoryChangesIndex(String historyTable, String from, String to) {
        return List.of("DROP INDEX " + quoteIdentifier(from), historyChangesIndex(historyTable, to));
    }

    @Override
    public String historyClock() {
        return "SELECT " + NOW;
    }

    @Override
    public boolean historyBulkCapture() {
        return true;
    }

    @Override
    public List<SqlStatement> startBulkCapture() {
        return List.of(SqlStatement.of("INSERT OR REPLACE INTO " + quoteIdentifier(InternalNames.ACTOR_TABLE) + " (\"id\", \"user\") VALUES (2, NULL)"));
    }

    @Override
    public List<SqlStatement> endBulkCapture() {
        return List.of(SqlStatement.of("DELETE FROM " + quoteIdentifier(InternalNames.ACTOR_TABLE) + " WHERE \"id\" = 2"));
    }

    @Override
    public SqlStatement bulkCaptureMark(String table) {
        return SqlStatement.of("SELECT COALESCE(MAX(rowid), 0) FROM " + quoteIdentifier(table));
    }

    @Override
    public String historyBulkInsert(String table, String historyTable, String keyColumn, Map<String, LogicalType> columns) {
        return "INSERT INTO " + quoteIdentifier(historyTable) + HISTORY_COLUMNS + " SELECT CAST(" + quoteIdentifier(keyColumn) + " AS TEXT), 'insert', "
                + NOW + ", ?, " + rowJson("", columns) + " FROM " + quoteIdentifier(table) + " WHERE rowid > ? ORDER BY rowid";
    }

    @Override
    public List<String> dropHistoryTriggers(String table) {
        return Stream.of("ins", "upd", "del")
                .map(s -> "DROP TRIGGER IF EXISTS " + quoteIdentifier(InternalNames.historyTrigger(table, s))).toList();
    }

    @Override
    public List<String> renameForeignKey(String table, String from, String to, String definition) {
        // The name is part of the table's text, which is not global; a rebuild writes it anew.
        return List.of();
    }

    @Override
    public List<String> renameIndex(String table, String from, String to, List<String> columns) {
        // SQLite has no ALTER INDEX … RENAME: the index is made again under the new name.
        return List.of("DROP INDEX " + quoteIdentifier(from), "CREATE INDEX " + quoteIdentifier(to) + " ON " + quoteIdentifier(table) + " ("
                + columns.stream().map(this::quoteIdentifier).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public boolean historyKeepsJsonAsText() {
        return true;
    }

    /**
     * SQLite has no session variables: the workbench's write puts its user into this one-row table
     * inside its own transaction and takes it out before committing, so the triggers see it only
     * for that write (SQLite runs one writer at a time), and never for other clients'.
     */

    @Override
    public List<String> historySupportTables() {
        return List.of("CREATE TABLE IF NOT EXISTS " + quoteIdentifier(InternalNames.ACTOR_TABLE) + " (\"id\" INTEGER PRIMARY KEY CHECK (\"id\" IN (1, 2)), \"user\" TEXT)");
    }

    @Override
    public List<SqlStatement> setActor(String user) {
        return List.of(SqlStatement.of("INSERT OR REPLACE INTO " + quoteIdentifier(InternalNames.ACTOR_TABLE) + " (\"id\", \"user\") VALUES (1, ?)", user));
    }

    @Override
    public List<SqlStatement> endActor() {
        return List.of(SqlStatement.of("DELETE FROM " + quoteIdentifier(InternalNames.ACTOR_TABLE) + " WHERE \"id\" = 1"));
    }

    // --- changing existing tables: SQLite rebuilds the table, copying each column through convertedValue ---

    /** A text that is a JSON number of that kind; json_type is only asked once json_valid said yes. */
    private static String jsonNumberType(String c) {
        return "(CASE WHEN json_valid(trim(" + c + ")) THEN json_type(trim(" + c + ")) END)";
    }

    @Override
    public String convertedValue(String c, LogicalType from, LogicalType to) {
        return switch (from.name() + ">" + to.name()) {
            case "STRING>TEXT", "JSON>TEXT", "JSONB>TEXT", "JSON>JSONB", "JSONB>JSON", "BOOLEAN>INTEGER" -> c;
            case "INTEGER>NUMBER" -> "CAST(" + c + " AS REAL)";
            case "INTEGER>STRING", "INTEGER>TEXT", "NUMBER>STRING", "NUMBER>TEXT" -> "CAST(" + c + " AS TEXT)";
            case "TEXT>STRING" -> "substr(" + c + ", 1, 255)";
            case "NUMBER>INTEGER" -> "CAST(round(" + c + ") AS INTEGER)";
            case "STRING>INTEGER", "TEXT>INTEGER" -> "CASE WHEN " + jsonNumberType(c) + " = 'integer' THEN CAST(trim(" + c + ") AS INTEGER) END";
            case "STRING>NUMBER", "TEXT>NUMBER" -> "CASE WHEN " + jsonNumberType(c) + " IN ('integer', 'real') THEN CAST(trim(" + c + ") AS REAL) END";
            case "INTEGER>BOOLEAN" -> "CASE WHEN " + c + " IS NULL THEN NULL WHEN " + c + " <> 0 THEN 1 ELSE 0 END";
            default -> null;
        };
    }

    @Override
    public String conversionLoss(String c, LogicalType from, LogicalType to) {
        return switch (from.name() + ">" + to.name()) {
            case "TEXT>STRING" -> "length(" + c + ") > 255";
            case "NUMBER>INTEGER" -> c + " <> round(" + c + ")";
            case "STRING>INTEGER", "TEXT>INTEGER" -> c + " IS NOT NULL AND coalesce(" + jsonNumberType(c) + ", '') <> 'integer'";
            case "STRING>NUMBER", "TEXT>NUMBER" -> c + " IS NOT NULL AND coalesce(" + jsonNumberType(c) + ", '') NOT IN ('integer', 'real')";
            case "INTEGER>BOOLEAN" -> c + " NOT IN (0, 1)";
            default -> null;
        };
    }

    @Override
    public SqlStatement renameJsonKey(String table, String column, String from, String to) {
        String c = quoteIdentifier(column);
        String oldPath = "$.\"" + from + "\"";
        return SqlStatement.of("UPDATE " + quoteIdentifier(table) + " SET " + c + " = json_remove(json_set(" + c + ", ?, " + c + " -> ?), ?)"
                + " WHERE json_type(" + c + ", ?) IS NOT NULL", "$.\"" + to + "\"", oldPath, oldPath, oldPath);
    }
}
