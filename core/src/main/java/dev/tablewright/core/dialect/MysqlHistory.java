package dev.tablewright.core.dialect;

import dev.tablewright.core.base.Dates;
import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.LogicalType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * MySQL's and MariaDB's history capture: the triggers that copy each changed row into the history
 * table as JSON_OBJECT, and the expressions that read a field of it back.
 */
final class MysqlHistory {
    private final SqlSyntax sql;

    MysqlHistory(SqlSyntax sql) {
        this.sql = sql;
    }

    /**
     * The insert trigger does nothing while {@code @tw_bulk} is set: the workbench's own bulk
     * inserts write their history from the rows they wrote ({@link MysqlDialect#historyRowInsert}).
     */
    List<String> triggers(String table, String historyTable, String keyColumn, Map<String, LogicalType> columns) {
        List<String> out = new ArrayList<>();
        for (String[] op : new String[][]{{"INSERT", "insert", "NEW", "ins"}, {"UPDATE", "update", "NEW", "upd"}, {"DELETE", "delete", "OLD", "del"}}) {
            String insert = "INSERT INTO " + sql.quoteIdentifier(historyTable) + " (`rowId`, `operation`, `changedAt`, `changedBy`, `data`) VALUES (CAST("
                    + op[2] + "." + sql.quoteIdentifier(keyColumn) + " AS CHAR), '" + op[1] + "', UTC_TIMESTAMP(3), " + ACTOR + ", " + rowJson(op[2] + ".", columns) + ")";
            out.add("CREATE TRIGGER " + sql.quoteIdentifier(InternalNames.historyTrigger(table, op[3])) + " AFTER " + op[0] + " ON " + sql.quoteIdentifier(table)
                    + " FOR EACH ROW " + (op[0].equals("INSERT") ? "BEGIN IF @tw_bulk IS NULL THEN " + insert + "; END IF; END" : insert));
        }
        return out;
    }

    /** Who writes: the workbench's user, or for other clients the database user (without its host). */
    private static final String ACTOR = "COALESCE(@tw_user, SUBSTRING_INDEX(USER(), '@', 1))";

    /** The row as JSON_OBJECT of its columns; {@code prefix} is NEW. or OLD. */
    private String rowJson(String prefix, Map<String, LogicalType> columns) {
        StringBuilder json = new StringBuilder("JSON_OBJECT(");
        int i = 0;
        for (Map.Entry<String, LogicalType> c : columns.entrySet()) {
            String ref = prefix + sql.quoteIdentifier(c.getKey());
            String value = switch (c.getValue()) {
                case JSON, JSONB -> "JSON_EXTRACT(" + ref + ", '$')";
                case FILE -> "HEX(" + ref + ")";
                default -> ref;
            };
            json.append(i++ == 0 ? "" : ", ").append("'").append(c.getKey()).append("', ").append(value);
        }
        return json.append(')').toString();
    }

    String value(String data, String key, LogicalType type) {
        String path = sql.quoteText("$." + key);
        String text = "JSON_VALUE(" + data + ", " + path + ")";
        String json = "JSON_EXTRACT(" + data + ", " + path + ")";
        return switch (type) {
            case STRING, TEXT -> text;
            case INTEGER, BOOLEAN -> "CAST(" + text + " AS SIGNED)";
            case NUMBER -> "CAST(" + text + " AS DOUBLE)";
            case DATE -> "CAST(" + text + " AS DATETIME(3))";
            case JSON, JSONB -> "(CASE WHEN JSON_TYPE(" + json + ") = 'NULL' THEN NULL ELSE " + json + " END)";
            // Without the CAST, MariaDB 10.11 gives an empty value once the result goes through a temporary table.
            case FILE -> "UNHEX(CAST(" + text + " AS CHAR))";
        };
    }

    String fieldChanged(String newer, String older, String key) {
        String path = sql.quoteText("$." + key);
        // Compared as bytes: MariaDB 10.11 found two equal JSON_EXTRACT strings unequal, and text would compare without case.
        return "NOT (CAST(JSON_EXTRACT(" + newer + ", " + path + ") AS BINARY) <=> CAST(JSON_EXTRACT(" + older + ", " + path + ") AS BINARY))";
    }


    String snapshot(String table, String historyTable, String keyColumn, Map<String, LogicalType> columns) {
        return "INSERT INTO " + sql.quoteIdentifier(historyTable) + " (`rowId`, `operation`, `changedAt`, `changedBy`, `data`) SELECT CAST("
                + sql.quoteIdentifier(keyColumn) + " AS CHAR), ?, ?, NULL, " + rowJson("", columns) + " FROM " + sql.quoteIdentifier(table);
    }


    /** What JSON_OBJECT makes of the stored column (see {@link #triggers}). */
    static Object jsonValue(LogicalType type, Object value) {
        return switch (type) {
            case BOOLEAN -> Boolean.TRUE.equals(value) ? 1L : 0L;
            case DATE -> Dates.storeSql((Instant) value);
            case FILE -> HexFormat.of().withUpperCase().formatHex((byte[]) value);
            default -> value;
        };
    }
}
