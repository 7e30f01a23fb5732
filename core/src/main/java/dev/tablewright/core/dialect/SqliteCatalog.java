package dev.tablewright.core.dialect;

import dev.tablewright.core.lex.SqlFlavor;
import dev.tablewright.core.lex.SqlLexer;
import dev.tablewright.core.lex.SqlToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * SQLite's catalog of one table from its PRAGMA table functions, with the same facts sqlite-jdbc's
 * DatabaseMetaData gives. The driver scans {@code sqlite_master} on every metadata call, so
 * reading a schema of 3,000 tables took about a minute (20 ms a table); the pragmas take well
 * under a millisecond. Names are bound, never written into the SQL.
 */
final class SqliteCatalog {
    /** What sqlite-jdbc reports as the size of a column declared without one. */
    private static final int NO_SIZE = 2_000_000_000;

    private SqliteCatalog() {
    }

    static TableCatalog read(Connection c, String table) throws SQLException {
        String sql;
        try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                sql = rs.next() ? rs.getString(1) : null;
            }
        }
        return read(c, table, sql);
    }

    /**
     * Several tables: their SQL is read in one pass over {@code sqlite_master}, which has no index
     * on the name (looking each one up took 1 ms a table at 3,000 tables).
     */
    static Map<String, TableCatalog> readAll(Connection c, List<String> tables) throws SQLException {
        Map<String, String> sql = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                sql.put(rs.getString(1), rs.getString(2));
            }
        }
        Map<String, TableCatalog> out = new LinkedHashMap<>();
        for (String table : tables) {
            out.put(table, read(c, table, sql.get(table)));
        }
        return out;
    }

    /** {@code sql} is the table's CREATE TABLE text, where AUTOINCREMENT is written. */
    private static TableCatalog read(Connection c, String table, String sql) throws SQLException {
        List<TableCatalog.Column> columns = new ArrayList<>();
        TreeMap<Integer, String> pkBySeq = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String declared = rs.getString(2) == null ? "" : rs.getString(2);
                    int open = declared.indexOf('(');
                    String typeName = (open < 0 ? declared : declared.substring(0, open)).trim().toUpperCase(Locale.ROOT);
                    columns.add(new TableCatalog.Column(rs.getString(1), typeName, Types.OTHER, size(declared, open), rs.getInt(3) == 0,
                            rs.getString(4), false));
                    if (rs.getInt(5) > 0) {
                        pkBySeq.put(rs.getInt(5), rs.getString(1));
                    }
                }
            }
        }
        List<String> primaryKey = List.copyOf(pkBySeq.values());
        markAutoIncrement(sql, columns, primaryKey);
        return new TableCatalog(primaryKey, uniqueIndexes(c, table), importedKeys(c, table), columns);
    }

    /** The size the driver reports for a declared type: {@code (n)} is n, {@code (p, s)} is p + s, none is its large default. */
    private static int size(String declared, int open) {
        int close = declared.indexOf(')', open + 1);
        if (open < 0 || close < 0) {
            return NO_SIZE;
        }
        int size = 0;
        for (String part : declared.substring(open + 1, close).split(",", 2)) {
            String digits = part.trim();
            if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
                return NO_SIZE;
            }
            size += Integer.parseInt(digits);
        }
        return size;
    }

    /** Only an INTEGER PRIMARY KEY can be AUTOINCREMENT, and the keyword is only in the table's own SQL. */
    private static void markAutoIncrement(String sql, List<TableCatalog.Column> columns, List<String> primaryKey) {
        if (primaryKey.size() != 1 || sql == null || !mentionsAutoIncrement(sql)) {
            return;
        }
        for (int i = 0; i < columns.size(); i++) {
            TableCatalog.Column col = columns.get(i);
            if (col.name().equals(primaryKey.get(0)) && col.typeName().equals("INTEGER")) {
                columns.set(i, new TableCatalog.Column(col.name(), col.typeName(), col.jdbcType(), col.size(), col.nullable(), col.defaultValue(), true));
            }
        }
    }

    /** The keyword itself, not the word inside a name, a string or a comment. */
    private static boolean mentionsAutoIncrement(String sql) {
        for (SqlToken token : SqlLexer.tokens(sql, SqlFlavor.SQLITE)) {
            if (token.kind() == SqlToken.Kind.WORD && token.text(sql).equalsIgnoreCase("AUTOINCREMENT")) {
                return true;
            }
        }
        return false;
    }

    private static List<List<String>> uniqueIndexes(Connection c, String table) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_index_info(?) ORDER BY seqno")) {
            for (String index : names) {
                ps.setString(1, index);
                List<String> cols = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // An expression in the index has no name; the driver leaves such a part out too.
                        if (rs.getString(1) != null) {
                            cols.add(rs.getString(1));
                        }
                    }
                }
                if (!cols.isEmpty()) {
                    out.add(List.copyOf(cols));
                }
            }
        }
        return out;
    }

    /** In the driver's order: by the referenced table, then as declared. A key naming no column references the parent's primary key. */
    private static List<TableCatalog.ImportedKey> importedKeys(Connection c, String table) throws SQLException {
        record Row(int id, int seq, String parent, String from, String to, String onDelete) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        rows.sort(Comparator.comparing(Row::parent).thenComparingInt(Row::id).thenComparingInt(Row::seq));
        List<TableCatalog.ImportedKey> out = new ArrayList<>();
        for (Row r : rows) {
            String to = r.to() != null ? r.to() : parentKeyColumn(c, r.parent(), r.seq());
            out.add(new TableCatalog.ImportedKey(r.from(), r.parent(), to, onDelete(r.onDelete())));
        }
        return out;
    }

    /** Every table's foreign keys to {@code table} in one query (the driver reads each table's keys with a call of its own). */
    static List<TableCatalog.ExportedKey> exportedKeys(Connection c, String table) throws SQLException {
        List<TableCatalog.ExportedKey> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.name, f.\"from\", f.on_delete FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
                + " WHERE m.type = 'table' AND f.\"table\" = ? COLLATE NOCASE ORDER BY m.name, f.id, f.seq")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TableCatalog.ExportedKey(rs.getString(1), rs.getString(2), onDelete(rs.getString(3))));
                }
            }
        }
        return out;
    }

    private static String parentKeyColumn(Connection c, String parent, int seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk")) {
            ps.setString(1, parent);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    if (i == seq) {
                        return rs.getString(1);
                    }
                }
            }
        }
        return null;
    }

    private static String onDelete(String rule) {
        String r = rule == null ? "" : rule.toUpperCase(Locale.ROOT);
        return switch (r) {
            case "CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT" -> r;
            default -> "NO ACTION";
        };
    }
}
