package dev.tablewright.core.schema;

import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.dialect.Dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a table's schema back from the database: keys, indexes, foreign keys and columns from
 * JDBC's metadata, logical types from what the workbench stored, else inferred from native types.
 */
final class SchemaReader {
    private SchemaReader() {
    }

    /** The schema of {@code table} as the catalog and the stored logical schema describe it; null when there is no such table. */
    static TableSchema read(Dialect dialect, Connection c, String table) throws SQLException {
        if (!dialect.listTables(c).contains(table)) {
            return null;
        }
        return read(dialect, c, table, true, StoredTables.load(dialect, c, table));
    }

    /**
     * Every table's schema at once, internal ones left out, in the catalog's order. The same as
     * {@link #read} table by table, but the relationships a table is the parent of ({@code hasMany},
     * {@code manyToMany}) come from the other tables' foreign keys read here, not from the driver's
     * exported keys, which SQLite's driver finds by reading every table's keys again (3,000 tables:
     * minutes instead of seconds).
     */
    static List<TableSchema> readAll(Dialect dialect, Connection c) throws SQLException {
        Map<String, TableSchema> all = new LinkedHashMap<>();
        List<String> tables = dialect.listTables(c);
        Map<String, StoredTable> stored = tables.contains(InternalNames.SCHEMA_TABLE) ? StoredTables.loadAll(c, dialect) : Map.of();
        for (String table : tables) {
            all.put(table, read(dialect, c, table, false, stored.get(table)));
        }
        for (TableSchema child : all.values()) {
            Optional<String[]> junction = InternalNames.junctionSides(child.name());
            for (Map<String, Object> rel : List.copyOf(child.relationships())) {
                TableSchema parent = all.get((String) rel.get("table"));
                if (parent == null || !"belongsTo".equals(rel.get("type"))) {
                    continue;
                }
                Map<String, Object> back = new LinkedHashMap<>();
                if (junction.isPresent()) {
                    String[] sides = junction.get();
                    String other = sides[0].equals(parent.name()) ? sides[1] : sides[0];
                    if (parent.relationships().stream().anyMatch(r -> "manyToMany".equals(r.get("type")) && child.name().equals(r.get("through")))) {
                        continue;
                    }
                    back.put("type", "manyToMany");
                    back.put("table", other);
                    back.put("through", child.name());
                } else {
                    back.put("type", "hasMany");
                    back.put("table", child.name());
                    back.put("field", rel.get("field"));
                    back.put("onDelete", rel.get("onDelete"));
                }
                parent.relationships().add(back);
            }
        }
        return all.values().stream().filter(t -> !InternalNames.isInternal(t.name())).toList();
    }

    private static TableSchema read(Dialect dialect, Connection c, String table, boolean exported, StoredTable stored) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String catalog = dialect.metaCatalog(c);
        String schema = dialect.metaSchema(c);

        List<String> pk = new ArrayList<>();
        Map<Integer, String> pkBySeq = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                if (table.equals(rs.getString("TABLE_NAME"))) {
                    pkBySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
        }
        pk.addAll(pkBySeq.values());

        Set<String> unique = new HashSet<>();
        Map<String, List<String>> uniqueIndexes = new LinkedHashMap<>();
        try (ResultSet rs = md.getIndexInfo(catalog, schema, table, true, false)) {
            while (rs.next()) {
                String idx = rs.getString("INDEX_NAME");
                String col = rs.getString("COLUMN_NAME");
                if (idx != null && col != null && !rs.getBoolean("NON_UNIQUE") && table.equals(rs.getString("TABLE_NAME"))) {
                    uniqueIndexes.computeIfAbsent(idx, k -> new ArrayList<>()).add(col);
                }
            }
        }
        uniqueIndexes.values().stream().filter(cols -> cols.size() == 1 && !(pk.size() == 1 && pk.get(0).equals(cols.get(0))))
                .forEach(cols -> unique.add(cols.get(0)));

        Map<String, FieldSpec.Reference> refs = new LinkedHashMap<>();
        List<Map<String, Object>> relationships = new ArrayList<>();
        try (ResultSet rs = md.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                String col = rs.getString("FKCOLUMN_NAME");
                FieldSpec.Reference ref = new FieldSpec.Reference(rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME"),
                        deleteRule(rs.getShort("DELETE_RULE")));
                refs.put(col, ref);
                Map<String, Object> rel = new LinkedHashMap<>();
                rel.put("type", "belongsTo");
                rel.put("field", col);
                rel.put("table", ref.table());
                rel.put("references", ref.field());
                rel.put("onDelete", ref.onDelete());
                relationships.add(rel);
            }
        }

        try (ResultSet rs = exported ? md.getExportedKeys(catalog, schema, table) : null) {
            while (rs != null && rs.next()) {
                String child = rs.getString("FKTABLE_NAME");
                Map<String, Object> rel = new LinkedHashMap<>();
                Optional<String[]> junction = InternalNames.junctionSides(child);
                if (junction.isPresent()) {
                    String[] sides = junction.get();
                    String other = sides[0].equals(table) ? sides[1] : sides[0];
                    rel.put("type", "manyToMany");
                    rel.put("table", other);
                    rel.put("through", child);
                    if (relationships.stream().anyMatch(r -> "manyToMany".equals(r.get("type")) && child.equals(r.get("through")))) {
                        continue;
                    }
                } else {
                    rel.put("type", "hasMany");
                    rel.put("table", child);
                    rel.put("field", rs.getString("FKCOLUMN_NAME"));
                    rel.put("onDelete", deleteRule(rs.getShort("DELETE_RULE")));
                }
                relationships.add(rel);
            }
        }

        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(catalog, schema, table, null)) {
            while (rs.next()) {
                if (!table.equals(rs.getString("TABLE_NAME"))) {
                    continue;
                }
                String name = rs.getString("COLUMN_NAME");
                String nativeType = rs.getString("TYPE_NAME");
                int size = rs.getInt("COLUMN_SIZE");
                boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
                String def = rs.getString("COLUMN_DEF");
                String autoInc = safeString(rs, "IS_AUTOINCREMENT");
                FieldSpec known = stored == null ? null : stored.fields().get(name);
                boolean isPk = pk.contains(name);
                LogicalType type = known != null ? known.type() : dialect.inferType(nativeType, rs.getInt("DATA_TYPE"), size);
                boolean autoIncrement = known != null ? known.autoIncrement() : "YES".equalsIgnoreCase(autoInc);
                Object defaultValue = known != null ? known.defaultValue() : def;
                fields.put(name, new FieldSpec(type, isPk, unique.contains(name), nullable && !isPk, defaultValue, autoIncrement,
                        known != null && known.auto(), refs.get(name), nativeType));
            }
        }
        for (Map<String, Object> rel : relationships) {
            if ("belongsTo".equals(rel.get("type"))) {
                FieldSpec fk = fields.get((String) rel.get("field"));
                rel.put("mandatory", fk != null && !fk.allowNull());
                Names.roleOf((String) rel.get("field"), (String) rel.get("table")).ifPresent(role -> rel.put("role", role));
            }
        }
        boolean trackHistory = stored != null && stored.trackHistory();
        return new TableSchema(table, fields, new TableSchema.Options(trackHistory), relationships, stored != null && stored.created(), null, null);
    }

    private static String safeString(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            return null;
        }
    }

    private static String deleteRule(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
            default -> "NO ACTION";
        };
    }
}
