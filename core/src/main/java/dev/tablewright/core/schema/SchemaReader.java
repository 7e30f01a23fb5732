package dev.tablewright.core.schema;

import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.TableCatalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        return read(dialect, c, table, dialect.tableCatalog(c, table), true, StoredTables.load(dialect, c, table));
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
        Map<String, TableCatalog> catalogs = dialect.tableCatalogs(c, tables);
        for (String table : tables) {
            all.put(table, read(dialect, c, table, catalogs.get(table), false, stored.get(table)));
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

    private static TableSchema read(Dialect dialect, Connection c, String table, TableCatalog catalog, boolean exported, StoredTable stored)
            throws SQLException {
        List<String> pk = catalog.primaryKey();
        Set<String> unique = new HashSet<>();
        catalog.uniqueIndexes().stream().filter(cols -> cols.size() == 1 && !(pk.size() == 1 && pk.get(0).equals(cols.get(0))))
                .forEach(cols -> unique.add(cols.get(0)));

        Map<String, FieldSpec.Reference> refs = new LinkedHashMap<>();
        List<Map<String, Object>> relationships = new ArrayList<>();
        for (TableCatalog.ImportedKey key : catalog.importedKeys()) {
            FieldSpec.Reference ref = new FieldSpec.Reference(key.parentTable(), key.parentColumn(), key.onDelete());
            refs.put(key.column(), ref);
            Map<String, Object> rel = new LinkedHashMap<>();
            rel.put("type", "belongsTo");
            rel.put("field", key.column());
            rel.put("table", ref.table());
            rel.put("references", ref.field());
            rel.put("onDelete", ref.onDelete());
            relationships.add(rel);
        }

        for (TableCatalog.ExportedKey key : exported ? dialect.exportedKeys(c, table) : List.<TableCatalog.ExportedKey>of()) {
            String child = key.childTable();
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
                rel.put("field", key.childColumn());
                rel.put("onDelete", key.onDelete());
            }
            relationships.add(rel);
        }

        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        for (TableCatalog.Column column : catalog.columns()) {
            String name = column.name();
            FieldSpec known = stored == null ? null : stored.fields().get(name);
            boolean isPk = pk.contains(name);
            LogicalType type = known != null ? known.type() : dialect.inferType(column.typeName(), column.jdbcType(), column.size());
            boolean autoIncrement = known != null ? known.autoIncrement() : column.autoIncrement();
            Object defaultValue = known != null ? known.defaultValue() : column.defaultValue();
            fields.put(name, new FieldSpec(type, isPk, unique.contains(name), column.nullable() && !isPk, defaultValue, autoIncrement,
                    known != null && known.auto(), refs.get(name), column.typeName()));
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
}
