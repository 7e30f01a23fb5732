package dev.tablewright.core.dialect;

import dev.tablewright.core.base.Dates;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.lex.SqlFlavor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * MySQL and MariaDB. {@code mariadb} connects with the MariaDB driver (its bulk protocol is the
 * fast path for batches), {@code mysql} with Connector/J and {@code rewriteBatchedStatements}
 * (7x slower without it). Dates are DATETIME(3) holding UTC, bound as LocalDateTime so no
 * driver time-zone conversion applies; tables use utf8mb4_bin so '=' is case-sensitive as on
 * the other dialects.
 */
public final class MysqlDialect implements Dialect {
    private final boolean mariadb;
    private final MysqlHistory history = new MysqlHistory(this);

    public MysqlDialect(boolean mariadb) {
        this.mariadb = mariadb;
    }

    @Override
    public String name() {
        return mariadb ? "mariadb" : "mysql";
    }

    /** Connected through the MariaDB driver rather than MySQL Connector/J. */
    public boolean isMariaDb() {
        return mariadb;
    }

    @Override
    public char identifierQuote() {
        return '`';
    }

    @Override
    public String columnType(LogicalType type) {
        return switch (type) {
            case STRING -> "VARCHAR(255)";
            case TEXT -> "LONGTEXT";
            case INTEGER -> "BIGINT";
            case NUMBER -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATETIME(3)";
            case JSON, JSONB -> "JSON";
            case FILE -> "LONGBLOB";
        };
    }

    /**
     * Tables here compare text with PAD SPACE collations (utf8mb4_bin, and the defaults of other
     * tools' tables). NO PAD ones would keep 'x ' and 'x' apart, but JSON columns are always
     * utf8mb4_bin in MariaDB, and mixing the two in one expression (history triggers, time travel,
     * joins, foreign keys to older tables) is an error: decision 0045. Unique keys keep them apart
     * through {@link #exactUniqueKey} instead: decision 0050.
     */
    @Override
    public boolean padsTrailingSpaces() {
        return true;
    }

    /** A dot after the text: PAD SPACE ignores only spaces at the very end. */
    @Override
    public String unpadded(String expression) {
        return "CONCAT(" + expression + ", '.')";
    }

    @Override
    public String unpaddedValue(String value) {
        return value + ".";
    }

    /**
     * An invisible virtual column holding the text's length, and the key on the column and it:
     * values the collation finds equal differ at most in trailing spaces, so equal lengths make them
     * the same value. The column goes first, so lookups and foreign keys find the key as before. The
     * key has the hidden column's name, which {@link #databaseSaid} knows (decision 0050).
     */
    @Override
    public List<String> exactUniqueKey(String column) {
        String exact = quoteIdentifier(InternalNames.exactKeyColumn(column));
        return List.of(exactKeyColumnSql(exact, column), "UNIQUE KEY " + exact + " (" + quoteIdentifier(column) + ", " + exact + ")");
    }

    /** The definition of the hidden column, with its quoted name. */
    private String exactKeyColumnSql(String quotedName, String column) {
        return quotedName + " INT AS (CHAR_LENGTH(" + quoteIdentifier(column) + ")) VIRTUAL INVISIBLE";
    }

    /**
     * MariaDB renames the column in the hidden column's expression itself, and refuses to rename a
     * column a foreign key uses in the same statement that changes that expression; MySQL (8.0.17
     * and later) renames a column a generated column uses only when that statement redefines it.
     */
    @Override
    public List<String> renameExactUnique(String table, String from, String to, String keyColumn, String index) {
        String t = quoteIdentifier(table);
        String hidden = quoteIdentifier(InternalNames.exactKeyColumn(to));
        String renameIndex = InternalNames.exactKeyColumn(from).equals(index) ? ", RENAME INDEX " + quoteIdentifier(index) + " TO " + hidden : "";
        if (mariadb) {
            return List.of(renameColumn(table, from, to),
                    "ALTER TABLE " + t + " RENAME COLUMN " + quoteIdentifier(keyColumn) + " TO " + hidden + renameIndex);
        }
        return List.of("ALTER TABLE " + t + " RENAME COLUMN " + quoteIdentifier(from) + " TO " + quoteIdentifier(to)
                + ", CHANGE COLUMN " + quoteIdentifier(keyColumn) + " " + exactKeyColumnSql(hidden, to) + renameIndex);
    }

    /** One statement: MariaDB refuses to drop the hidden column alone while the key still names it. */
    @Override
    public String dropExactUnique(String table, String keyColumn, String index) {
        return "ALTER TABLE " + quoteIdentifier(table) + " DROP INDEX " + quoteIdentifier(index) + ", DROP COLUMN " + quoteIdentifier(keyColumn);
    }

    @Override
    public String autoIncrementPrimaryKey() {
        return "BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY";
    }

    @Override
    public String createTableSuffix() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
    }

    @Override
    public String literal(LogicalType type, Object value) {
        if (type == LogicalType.DATE && value instanceof Instant i) {
            return quoteText(Dates.storeSql(i));
        }
        return Dialect.super.literal(type, value);
    }

    /** MySQL reads backslash escapes in text literals (unless NO_BACKSLASH_ESCAPES is set, which is not the default). */
    @Override
    public String quoteText(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public void bind(PreparedStatement ps, int index, LogicalType type, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(index, type == LogicalType.FILE ? Types.BLOB : Types.VARCHAR);
        } else if (v instanceof Instant i) {
            if (mariadb) {
                ps.setObject(index, LocalDateTime.ofEpochSecond(i.getEpochSecond(), i.getNano(), ZoneOffset.UTC));
            } else {
                // Connector/J takes a MariaDB server (version 5.5.5-10.x) for MySQL 5.5 and cuts the
                // milliseconds of a bound LocalDateTime; the text form keeps them on every server.
                ps.setString(index, Dates.storeSql(i));
            }
        } else if (v instanceof Boolean b) {
            ps.setBoolean(index, b);
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
        return switch (type) {
            case STRING, TEXT -> rs.getString(column);
            case INTEGER -> {
                long v = rs.getLong(column);
                yield rs.wasNull() ? null : v;
            }
            case NUMBER -> {
                double v = rs.getDouble(column);
                yield rs.wasNull() ? null : v;
            }
            case BOOLEAN -> {
                boolean v = rs.getBoolean(column);
                yield rs.wasNull() ? null : v;
            }
            case DATE -> {
                String typeName = rs.getMetaData().getColumnTypeName(column).toUpperCase(Locale.ROOT);
                if (typeName.startsWith("DATETIME") || typeName.startsWith("TIMESTAMP") || typeName.equals("DATE")) {
                    LocalDateTime t = typeName.equals("DATE")
                            ? Optional.ofNullable(rs.getObject(column, LocalDate.class)).map(d -> d.atStartOfDay()).orElse(null)
                            : rs.getObject(column, LocalDateTime.class);
                    yield t == null ? null : t.toInstant(ZoneOffset.UTC);
                }
                String s = rs.getString(column);
                yield s == null ? null : Dates.parse(s).map(Object.class::cast).orElse(s);
            }
            case JSON, JSONB -> {
                String s = rs.getString(column);
                yield s == null ? null : Json.read(s);
            }
            case FILE -> rs.getBytes(column);
        };
    }

    @Override
    public LogicalType inferType(String nativeType, int jdbcType, int size) {
        String t = nativeType == null ? "" : nativeType.toUpperCase(Locale.ROOT);
        if (t.equals("BIT") && size <= 1 || t.equals("TINYINT") && size == 1 || t.equals("BOOLEAN") || t.equals("BOOL") || jdbcType == Types.BOOLEAN) {
            return LogicalType.BOOLEAN;
        }
        if (t.contains("INT") || t.equals("YEAR")) {
            return LogicalType.INTEGER;
        }
        if (t.contains("DECIMAL") || t.contains("DOUBLE") || t.contains("FLOAT") || t.contains("REAL") || t.contains("NUMERIC")) {
            return LogicalType.NUMBER;
        }
        if (t.contains("DATE") || t.contains("TIMESTAMP")) {
            return LogicalType.DATE;
        }
        if (t.equals("JSON")) {
            return LogicalType.JSON;
        }
        if (t.contains("BLOB") || t.contains("BINARY")) {
            return LogicalType.FILE;
        }
        if (t.contains("TEXT")) {
            return LogicalType.TEXT;
        }
        return LogicalType.STRING;
    }

    /** A JSON path with every key quoted; the path is a bound value, never SQL text. */
    private static String path(List<String> path) {
        // Keys are JSON-quoted, so control characters are escaped the way the path syntax reads them.
        return "$" + path.stream().map(p -> "." + Json.write(p)).collect(Collectors.joining());
    }

    @Override
    public SqlStatement jsonValue(String column, LogicalType columnType, List<String> path, JsonKind kind) {
        String p = path(path);
        String e = "JSON_EXTRACT(" + column + ", ?)";
        // MariaDB's JSON_UNQUOTE answers in utf8mb3 and loses 4-byte characters; its JSON_VALUE does not.
        String scalar = mariadb ? "JSON_VALUE(" + column + ", ?)" : "JSON_UNQUOTE(" + e + ")";
        return switch (kind) {
            case NUMBER -> SqlStatement.of("(CASE WHEN JSON_TYPE(" + e + ") IN ('INTEGER','UNSIGNED INTEGER','DOUBLE','DECIMAL') THEN CAST(" + scalar + " AS DOUBLE) END)", p, p);
            case STRING -> SqlStatement.of("(CASE WHEN JSON_TYPE(" + e + ") = 'STRING' THEN " + scalar + " END)", p, p);
            // MariaDB's JSON_EXTRACT gives the text true/false already; MySQL's gives JSON, unquoted to text.
            case BOOLEAN -> SqlStatement.of("(CASE WHEN JSON_TYPE(" + e + ") = 'BOOLEAN' THEN " + (mariadb ? e : "JSON_UNQUOTE(" + e + ")") + " END)", p, p);
        };
    }

    @Override
    public boolean supportsJsonKey(String key) {
        return !(mariadb && key.startsWith("-"));
    }

    @Override
    public SqlStatement jsonIsNull(String column, LogicalType columnType, List<String> path) {
        String p = path(path);
        return SqlStatement.of("(JSON_EXTRACT(" + column + ", ?) IS NULL OR JSON_TYPE(JSON_EXTRACT(" + column + ", ?)) = 'NULL')", p, p);
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> placeholders, List<String> keyColumns, List<String> updateColumns) {
        // ON DUPLICATE KEY fires on any unique key; with nothing to update, re-set a key column to itself.
        List<String> set = updateColumns.isEmpty() ? List.of(keyColumns.get(0)) : updateColumns;
        return "INSERT INTO " + quoteIdentifier(table) + " (" + columns.stream().map(this::quoteIdentifier).collect(Collectors.joining(", "))
                + ") VALUES (" + String.join(", ", placeholders) + ") ON DUPLICATE KEY UPDATE "
                + set.stream().map(c -> quoteIdentifier(c) + " = VALUES(" + quoteIdentifier(c) + ")").collect(Collectors.joining(", "));
    }

    @Override
    public List<String> listTables(Connection connection) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    public String metaCatalog(Connection connection) throws SQLException {
        return connection.getCatalog();
    }

    @Override
    public String metaSchema(Connection connection) {
        return null;
    }

    @Override
    public void dropEverything(Connection connection) throws SQLException {
        List<String> views = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.views WHERE table_schema = DATABASE()")) {
            while (rs.next()) {
                views.add(rs.getString(1));
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                for (String v : views) {
                    st.execute("DROP VIEW IF EXISTS " + quoteIdentifier(v));
                }
                for (String t : listTables(connection)) {
                    st.execute("DROP TABLE IF EXISTS " + quoteIdentifier(t));
                }
            } finally {
                st.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        }
    }

    @Override
    public boolean supportsAlterAddConstraint() {
        return true;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public boolean rawGeneratedKeys() {
        return true;
    }

    @Override
    public SqlFlavor scriptFlavor() {
        return SqlFlavor.MYSQL;
    }

    @Override
    public ErrorCode classify(SQLException e) {
        return MysqlErrors.classify(e);
    }

    /** A duplicate under an exact key says the value and the field, as under the column's own key. */
    @Override
    public String databaseSaid(SQLException e) {
        return MysqlErrors.withoutExactKey(e, Dialect.super.databaseSaid(e));
    }

    @Override
    public String noLimit() {
        return "18446744073709551615";
    }

    @Override
    public boolean supportsReturning() {
        return false;
    }

    @Override
    public String insertDefaultValues(String table) {
        return "INSERT INTO " + quoteIdentifier(table) + " () VALUES ()";
    }

    @Override
    public String alterSetNotNull(String table, String column, LogicalType type) {
        return "ALTER TABLE " + quoteIdentifier(table) + " MODIFY " + quoteIdentifier(column) + " " + columnType(type) + " NOT NULL";
    }

    @Override
    public String dropForeignKey(String table, String constraint) {
        return "ALTER TABLE " + quoteIdentifier(table) + " DROP FOREIGN KEY " + quoteIdentifier(constraint);
    }

    @Override
    public List<String> historyTriggers(String table, String historyTable, String keyColumn, Map<String, LogicalType> columns) {
        return history.triggers(table, historyTable, keyColumn, columns);
    }

    @Override
    public String historyValue(String data, String key, LogicalType type) {
        return history.value(data, key, type);
    }

    @Override
    public String historyFieldChanged(String newer, String older, String key) {
        return history.fieldChanged(newer, older, key);
    }

    @Override
    public String historySnapshot(String table, String historyTable, String keyColumn, Map<String, LogicalType> columns) {
        return history.snapshot(table, historyTable, keyColumn, columns);
    }

    /** No partial indexes here: every history row enters it. */
    @Override
    public String historyChangesIndex(String historyTable, String index) {
        return "CREATE INDEX " + quoteIdentifier(index) + " ON " + quoteIdentifier(historyTable) + " (`operation`, `changedAt`)";
    }

    @Override
    public String historyRowId(String keyColumn) {
        return "CAST(" + keyColumn + " AS CHAR)";
    }

    @Override
    public List<String> renameHistoryChangesIndex(String historyTable, String from, String to) {
        return renameIndex(historyTable, from, to, List.of("changedAt"));
    }

    @Override
    public String historyClock() {
        return "SELECT UTC_TIMESTAMP(3)";
    }

    /**
     * MariaDB, when the table has no other INSERT trigger (which might change what is stored).
     * MySQL keeps its row trigger: Connector/J's rewritten batches are not affected by triggers.
     */
    @Override
    public boolean historyCaptureRows(Connection connection, String table) throws SQLException {
        return mariadb && insertTriggers(connection, table, true) == 0;
    }

    @Override
    public String historyRowInsert(String historyTable) {
        return "INSERT INTO " + quoteIdentifier(historyTable) + " (`rowId`, `operation`, `changedAt`, `changedBy`, `data`) VALUES (?, 'insert', UTC_TIMESTAMP(3), ?, ?)";
    }

    /** What JSON_OBJECT makes of the stored column (see {@link MysqlHistory#triggers}). */
    @Override
    public Object historyJsonValue(LogicalType type, Object value) {
        return MysqlHistory.jsonValue(type, value);
    }

    @Override
    public List<SqlStatement> startBulkCapture() {
        return List.of(SqlStatement.of("SET @tw_bulk = 1"));
    }

    @Override
    public List<SqlStatement> endBulkCapture() {
        return List.of(SqlStatement.of("SET @tw_bulk = NULL"));
    }

    @Override
    public List<String> renameForeignKey(String table, String from, String to, String definition) {
        return List.of("ALTER TABLE " + quoteIdentifier(table) + " DROP FOREIGN KEY " + quoteIdentifier(from) + ", ADD " + definition);
    }

    @Override
    public List<String> renameIndex(String table, String from, String to, List<String> columns) {
        return List.of("ALTER TABLE " + quoteIdentifier(table) + " RENAME INDEX " + quoteIdentifier(from) + " TO " + quoteIdentifier(to));
    }

    @Override
    public List<String> dropHistoryTriggers(String table) {
        return Stream.of("ins", "upd", "del")
                .map(s -> "DROP TRIGGER IF EXISTS " + quoteIdentifier(InternalNames.historyTrigger(table, s))).toList();
    }

    @Override
    public List<SqlStatement> setActor(String user) {
        return List.of(SqlStatement.of("SET @tw_user = ?", user));
    }

    @Override
    public List<SqlStatement> clearActor() {
        return List.of(SqlStatement.of("SET @tw_user = NULL, @tw_bulk = NULL"));
    }

    /**
     * MariaDB 10.11's bulk protocol (COM_STMT_BULK_EXECUTE, the driver's fast path for batches)
     * inserts only the first row of a batch into a table with an INSERT trigger whose body runs an
     * INSERT … VALUES, and reports success: the trigger's INSERT takes the rest of the batch's rows
     * (1,000 rows gave 1 row and 999 history rows). Batches into such tables go as multi-row
     * INSERTs; a tracked table's own trigger runs no statement while its history stands aside.
     */
    @Override
    public boolean needsMultiRowInsert(Connection connection, String table, boolean historyStandsAside) throws SQLException {
        return mariadb && insertTriggers(connection, table, historyStandsAside) > 0;
    }

    /**
     * The table's INSERT triggers; {@code exceptHistory}: not counting the history's own when it
     * stands aside for {@code @tw_bulk} (one made before it did would still fire, so it counts).
     */
    private long insertTriggers(Connection connection, String table, boolean exceptHistory) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.triggers WHERE event_object_schema = DATABASE()"
                + " AND event_object_table = ? AND event_manipulation = 'INSERT' AND NOT (trigger_name = ? AND action_statement LIKE ?)")) {
            ps.setString(1, table);
            ps.setString(2, exceptHistory ? InternalNames.historyTrigger(table, "ins") : "");
            ps.setString(3, "%IF @tw_bulk IS NULL THEN%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // --- changing existing tables ---

    private static final String INTEGER_TEXT = "'^-?[0-9]{1,18}$'";
    private static final String NUMBER_TEXT = "'^-?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$'";

    /** MySQL converts by MODIFY; this is the value set first, in the old type, so that MODIFY finds only values that fit. */
    @Override
    public String convertedValue(String c, LogicalType from, LogicalType to) {
        return switch (from.name() + ">" + to.name()) {
            case "INTEGER>NUMBER", "INTEGER>STRING", "INTEGER>TEXT", "NUMBER>STRING", "NUMBER>TEXT", "STRING>TEXT",
                 "JSON>TEXT", "JSONB>TEXT", "JSON>JSONB", "JSONB>JSON", "BOOLEAN>INTEGER" -> c;
            case "TEXT>STRING" -> "LEFT(" + c + ", 255)";
            case "NUMBER>INTEGER" -> "ROUND(" + c + ")";
            case "STRING>INTEGER", "TEXT>INTEGER" -> "CASE WHEN TRIM(" + c + ") REGEXP " + INTEGER_TEXT + " THEN TRIM(" + c + ") END";
            case "STRING>NUMBER", "TEXT>NUMBER" -> "CASE WHEN TRIM(" + c + ") REGEXP " + NUMBER_TEXT + " THEN TRIM(" + c + ") END";
            case "INTEGER>BOOLEAN" -> "(" + c + " <> 0)";
            default -> null;
        };
    }

    @Override
    public String conversionLoss(String c, LogicalType from, LogicalType to) {
        return switch (from.name() + ">" + to.name()) {
            case "TEXT>STRING" -> "CHAR_LENGTH(" + c + ") > 255";
            case "NUMBER>INTEGER" -> c + " <> ROUND(" + c + ")";
            case "STRING>INTEGER", "TEXT>INTEGER" -> c + " IS NOT NULL AND NOT (TRIM(" + c + ") REGEXP " + INTEGER_TEXT + ")";
            case "STRING>NUMBER", "TEXT>NUMBER" -> c + " IS NOT NULL AND NOT (TRIM(" + c + ") REGEXP " + NUMBER_TEXT + ")";
            case "INTEGER>BOOLEAN" -> c + " NOT IN (0, 1)";
            default -> null;
        };
    }

    @Override
    public List<String> changeColumnType(String table, String column, LogicalType from, LogicalType to, boolean notNull) {
        String c = quoteIdentifier(column);
        List<String> out = new ArrayList<>();
        String value = convertedValue(c, from, to);
        if (!value.equals(c)) {
            out.add("UPDATE " + quoteIdentifier(table) + " SET " + c + " = " + value);
        }
        out.add("ALTER TABLE " + quoteIdentifier(table) + " MODIFY " + c + " " + columnType(to) + (notNull ? " NOT NULL" : " NULL"));
        return out;
    }

    @Override
    public String alterDropNotNull(String table, String column, LogicalType type) {
        return "ALTER TABLE " + quoteIdentifier(table) + " MODIFY " + quoteIdentifier(column) + " " + columnType(type) + " NULL";
    }

    @Override
    public String dropUnique(String table, String column, String name) {
        return "ALTER TABLE " + quoteIdentifier(table) + " DROP INDEX " + quoteIdentifier(name != null ? name : column);
    }

    @Override
    public SqlStatement renameJsonKey(String table, String column, String from, String to) {
        String c = quoteIdentifier(column);
        String oldPath = "$.\"" + from + "\"";
        return SqlStatement.of("UPDATE " + quoteIdentifier(table) + " SET " + c + " = JSON_REMOVE(JSON_SET(" + c + ", ?, JSON_EXTRACT(" + c + ", ?)), ?)"
                + " WHERE JSON_CONTAINS_PATH(" + c + ", 'one', ?)", "$.\"" + to + "\"", oldPath, oldPath, oldPath);
    }
}
