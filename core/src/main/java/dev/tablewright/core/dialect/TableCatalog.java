package dev.tablewright.core.dialect;

import dev.tablewright.core.base.InternalNames;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the catalog says of one table, as JDBC's metadata describes it: its primary key, unique
 * indexes, foreign keys and columns. {@link CatalogReader#tableCatalog} reads it; a dialect whose
 * driver answers slowly reads the same facts its own way.
 *
 * @param primaryKey    the key's columns in key order (empty when there is none)
 * @param uniqueIndexes the columns of each unique index, the primary key's included
 * @param importedKeys  the table's foreign-key columns, in the order of the tables they reference
 * @param columns       the columns in table order
 */
public record TableCatalog(List<String> primaryKey, List<List<String>> uniqueIndexes, List<ImportedKey> importedKeys, List<Column> columns) {

    /** One column of a foreign key; {@code onDelete} is CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION. */
    public record ImportedKey(String column, String parentTable, String parentColumn, String onDelete) {
    }

    /** A foreign key of another table referencing this one: one row per column, as in {@link ImportedKey}. */
    public record ExportedKey(String childTable, String childColumn, String onDelete) {
    }

    /**
     * One column: {@code typeName} is the native type without its size, {@code size} the size
     * (or the driver's large default), {@code defaultValue} the default as SQL text.
     */
    public record Column(String name, String typeName, int jdbcType, int size, boolean nullable, String defaultValue, boolean autoIncrement) {
    }

    /** The table's catalog from JDBC's {@link DatabaseMetaData}. */
    static TableCatalog fromMetaData(DatabaseMetaData md, String catalog, String schema, String table) throws SQLException {
        Map<Integer, String> pkBySeq = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                if (table.equals(rs.getString("TABLE_NAME"))) {
                    pkBySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
        }
        Map<String, List<String>> unique = new LinkedHashMap<>();
        try (ResultSet rs = md.getIndexInfo(catalog, schema, table, true, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index != null && column != null && !rs.getBoolean("NON_UNIQUE") && table.equals(rs.getString("TABLE_NAME"))) {
                    unique.computeIfAbsent(index, k -> new ArrayList<>()).add(column);
                }
            }
        }
        List<ImportedKey> imported = new ArrayList<>();
        try (ResultSet rs = md.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                imported.add(new ImportedKey(rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME"),
                        deleteRule(rs.getShort("DELETE_RULE"))));
            }
        }
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = md.getColumns(catalog, schema, table, null)) {
            while (rs.next()) {
                if (table.equals(rs.getString("TABLE_NAME"))) {
                    columns.add(new Column(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"), rs.getInt("DATA_TYPE"), rs.getInt("COLUMN_SIZE"),
                            rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, rs.getString("COLUMN_DEF"),
                            "YES".equalsIgnoreCase(optionalString(rs, "IS_AUTOINCREMENT"))));
                }
            }
        }
        return new TableCatalog(List.copyOf(pkBySeq.values()), unique.values().stream().map(TableCatalog::keyedColumns).toList(), imported,
                columns.stream().filter(c -> !InternalNames.isExactKeyColumn(c.name())).toList());
    }

    /**
     * The columns a unique index makes unique: a field's {@link DdlWriter#exactUniqueKey} covers the
     * field and its hidden column, and stands for the field alone (the hidden column is left out of
     * the table's columns too).
     */
    public static List<String> keyedColumns(List<String> indexColumns) {
        if (indexColumns.size() == 2 && InternalNames.isExactKeyColumn(indexColumns.get(1))) {
            return List.of(indexColumns.get(0));
        }
        return indexColumns;
    }

    /** The foreign keys of other tables that reference {@code table}, from JDBC's {@link DatabaseMetaData}. */
    static List<ExportedKey> exportedFromMetaData(DatabaseMetaData md, String catalog, String schema, String table) throws SQLException {
        List<ExportedKey> out = new ArrayList<>();
        try (ResultSet rs = md.getExportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                out.add(new ExportedKey(rs.getString("FKTABLE_NAME"), rs.getString("FKCOLUMN_NAME"), deleteRule(rs.getShort("DELETE_RULE"))));
            }
        }
        return out;
    }

    private static String optionalString(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            return null;
        }
    }

    /** JDBC's delete rule as the SQL words for it. */
    public static String deleteRule(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
            default -> "NO ACTION";
        };
    }
}
