package dev.tablewright.core.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.Dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renames a table with everything the workbench keeps under its name: the hooks' tables (history)
 * and triggers, its many-to-many junctions (renamed, with the column that names it, so the
 * junction is the one {@code optionallyHasMany} would make for the new name) and the stored
 * schema rows. Foreign keys of other tables follow the table by themselves on every dialect
 * (SQLite since 3.26, with {@code legacy_alter_table} off). One transaction where DDL is
 * transactional; elsewhere the steps done are undone when a later one fails.
 */
final class TableRename {
    private final Session session;
    private final SchemaManager schemas;
    private final Dialect dialect;

    TableRename(Session session, SchemaManager schemas) {
        this.session = session;
        this.schemas = schemas;
        this.dialect = session.dialect();
    }

    private String q(String name) {
        return dialect.quoteIdentifier(name);
    }

    void rename(String from, String to) {
        if (from == null || from.isEmpty()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Give the table to rename (from).");
        }
        if (InternalNames.isInternal(from)) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'" + Names.printable(from)
                    + "' is one of Tablewright's internal tables (history, junctions, metadata); it is renamed with the table it belongs to.");
        }
        Names.requireValidNew("table", to);
        TableSchema schema = schemas.require(from);
        if (from.equals(to)) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "The table is already called '" + from + "'; give another name.");
        }
        if (from.equalsIgnoreCase(to)) {
            throw new TablewrightException(ErrorCode.INVALID_NAME, "'" + to + "' differs from '" + from + "' only in case, which SQLite and MySQL "
                    + "take as the same name; rename the table to another name first, then to '" + to + "'.");
        }
        List<String> existing = session.withConnection(dialect::listTables);
        requireFree(existing, from, to, "A table named '%s' exists already; pick another name.");

        Map<String, String> renamedTables = new LinkedHashMap<>();
        Map<String, Map<String, String>> renamedColumns = new LinkedHashMap<>();
        renamedTables.put(from, to);
        List<DdlStep> steps = new ArrayList<>(schemas.hooks().beforeRename(from, to));
        steps.add(new DdlStep(List.of(dialect.renameTable(from, to)), List.of(dialect.renameTable(to, from))));

        List<String> ownedFrom = schemas.hooks().ownedTables(from);
        List<String> ownedTo = schemas.hooks().ownedTables(to);
        for (int i = 0; i < ownedFrom.size(); i++) {
            if (existing.contains(ownedFrom.get(i))) {
                requireFree(existing, ownedFrom.get(i), ownedTo.get(i), "An internal table '%s' exists already (left by another tool?); "
                        + "drop it or pick another name.");
                renamedTables.put(ownedFrom.get(i), ownedTo.get(i));
                steps.add(new DdlStep(List.of(dialect.renameTable(ownedFrom.get(i), ownedTo.get(i))),
                        List.of(dialect.renameTable(ownedTo.get(i), ownedFrom.get(i)))));
            }
        }
        for (Map<String, Object> rel : schema.relationships()) {
            if ("manyToMany".equals(rel.get("type"))) {
                steps.addAll(junction(existing, from, to, (String) rel.get("table"), (String) rel.get("through"), renamedTables, renamedColumns));
            }
        }
        steps.addAll(foreignKeyNames(from, to, Map.of(), renamedTables));
        steps.addAll(schemas.hooks().afterRename(from, to));

        try {
            run(steps, renamedTables, renamedColumns);
        } catch (TablewrightException e) {
            if (e.code() != ErrorCode.SQL_ERROR) {
                throw e;
            }
            throw new TablewrightException(ErrorCode.SQL_ERROR, "Renaming '" + from + "' to '" + to + "' failed, and nothing was changed: "
                    + e.getMessage(), e);
        }
    }

    /** Refuses a name in use, or one differing only in case from a name in use (SQLite and MySQL take them as one). */
    private static void requireFree(List<String> existing, String from, String to, String message) {
        for (String name : existing) {
            if (!name.equals(from) && name.toLowerCase(Locale.ROOT).equals(to.toLowerCase(Locale.ROOT))) {
                throw new TablewrightException(ErrorCode.INVALID_NAME, String.format(message, name));
            }
        }
    }

    /** The steps renaming a junction of the table, and the column of the junction that is named after it. */
    private List<DdlStep> junction(List<String> existing, String from, String to, String other, String through,
                                   Map<String, String> renamedTables, Map<String, Map<String, String>> renamedColumns) {
        String newName = through.equals(InternalNames.junction(from, other)) ? InternalNames.junction(to, other) : InternalNames.junction(other, to);
        if (newName.length() > 63) {
            throw new TablewrightException(ErrorCode.INVALID_NAME, "'" + from + "' has a many-to-many relation with '" + other + "', whose junction table would be named '"
                    + newName + "', longer than 63 characters; pick a shorter name.");
        }
        requireFree(existing, through, newName, "An internal table '%s' exists already (left by another tool?); drop it or pick another name.");
        String oldColumn = Names.foreignKeyField(from, null);
        String newColumn = Names.foreignKeyField(to, null);
        if (newColumn.equals(Names.foreignKeyField(other, null))) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'" + from + "' has a many-to-many relation with '" + other + "'; its junction names each side's "
                    + "field after the table (" + newColumn + "), so '" + to + "' and '" + other + "' would share one field. Pick a name whose singular differs from '"
                    + Names.singular(other) + "'.");
        }
        renamedTables.put(through, newName);
        List<DdlStep> steps = new ArrayList<>();
        steps.add(new DdlStep(List.of(dialect.renameTable(through, newName)), List.of(dialect.renameTable(newName, through))));
        if (!oldColumn.equals(newColumn)) {
            renamedColumns.put(through, Map.of(oldColumn, newColumn));
            steps.add(new DdlStep(List.of(dialect.renameColumn(newName, oldColumn, newColumn)), List.of(dialect.renameColumn(newName, newColumn, oldColumn))));
        }
        steps.addAll(foreignKeyNames(through, newName, renamedColumns.getOrDefault(through, Map.of()), renamedTables));
        return steps;
    }

    /**
     * The steps giving the table's foreign keys that carry its old name (fk_&lt;table&gt;_&lt;field&gt;)
     * the new one, run once the table (and a renamed column) has its new name. Keys named
     * otherwise, by another tool, keep their names.
     */
    private List<DdlStep> foreignKeyNames(String oldTable, String newTable, Map<String, String> renamedColumns, Map<String, String> renamedTables) {
        TableSchema schema = schemas.require(oldTable);
        Map<String, String> names = session.withConnection(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (ResultSet rs = c.getMetaData().getImportedKeys(dialect.metaCatalog(c), dialect.metaSchema(c), oldTable)) {
                while (rs.next()) {
                    out.put(rs.getString("FKCOLUMN_NAME"), rs.getString("FK_NAME"));
                }
            }
            return out;
        });
        List<DdlStep> steps = new ArrayList<>();
        for (Map.Entry<String, String> key : names.entrySet()) {
            String field = key.getKey();
            String oldName = key.getValue();
            FieldSpec spec = schema.fields().get(field);
            if (spec == null || spec.references() == null || !TableDdl.foreignKeyName(oldTable, field).equals(oldName)) {
                continue;
            }
            String newField = renamedColumns.getOrDefault(field, field);
            String newName = TableDdl.foreignKeyName(newTable, newField);
            FieldSpec.Reference ref = spec.references();
            FieldSpec.Reference newRef = new FieldSpec.Reference(renamedTables.getOrDefault(ref.table(), ref.table()), ref.field(), ref.onDelete());
            List<String> run = dialect.renameForeignKey(newTable, oldName, newName, TableDdl.namedForeignKeySql(dialect, newName, newField, newRef));
            if (!run.isEmpty()) {
                steps.add(new DdlStep(run, dialect.renameForeignKey(newTable, newName, oldName, TableDdl.namedForeignKeySql(dialect, oldName, newField, newRef))));
            }
        }
        return steps;
    }

    private void run(List<DdlStep> steps, Map<String, String> renamedTables, Map<String, Map<String, String>> renamedColumns) {
        if (dialect.transactionalDdl()) {
            session.inTransaction(c -> {
                for (DdlStep step : steps) {
                    exec(c, step.run());
                }
                renameStored(c, renamedTables, renamedColumns);
                return null;
            });
            return;
        }
        List<DdlStep> done = new ArrayList<>();
        try {
            for (DdlStep step : steps) {
                session.withConnection(c -> {
                    exec(c, step.run());
                    return null;
                });
                done.add(step);
            }
            session.inTransaction(c -> {
                renameStored(c, renamedTables, renamedColumns);
                return null;
            });
        } catch (RuntimeException e) {
            for (int i = done.size() - 1; i >= 0; i--) {
                List<String> undo = done.get(i).undo();
                try {
                    session.withConnection(c -> {
                        exec(c, undo);
                        return null;
                    });
                } catch (RuntimeException undoFailure) {
                    e.addSuppressed(undoFailure);
                }
            }
            throw e;
        }
    }

    private static void exec(Connection c, List<String> statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    /**
     * Moves the stored schema rows to the new names, with the renamed junction columns, and points
     * every stored reference to a renamed table at its new name.
     */
    private void renameStored(Connection c, Map<String, String> renamedTables, Map<String, Map<String, String>> renamedColumns) throws SQLException {
        if (!dialect.listTables(c).contains(InternalNames.SCHEMA_TABLE)) {
            return;
        }
        Map<String, String> rows = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + q("tableName") + ", " + q("definition") + " FROM " + q(InternalNames.SCHEMA_TABLE))) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        for (Map.Entry<String, String> row : rows.entrySet()) {
            String table = row.getKey();
            StoredTable stored;
            try {
                stored = Json.MAPPER.readValue(row.getValue(), new TypeReference<StoredTable>() { });
            } catch (JsonProcessingException e) {
                // A damaged row of another table is not this rename's business; it is reported when that table is read.
                continue;
            }
            Map<String, String> columns = renamedColumns.getOrDefault(table, Map.of());
            Map<String, FieldSpec> fields = new LinkedHashMap<>();
            boolean changed = renamedTables.containsKey(table);
            for (Map.Entry<String, FieldSpec> f : stored.fields().entrySet()) {
                FieldSpec spec = f.getValue();
                FieldSpec.Reference ref = spec.references();
                if (ref != null && renamedTables.containsKey(ref.table())) {
                    spec = spec.withReferences(new FieldSpec.Reference(renamedTables.get(ref.table()), ref.field(), ref.onDelete()));
                    changed = true;
                }
                String name = columns.getOrDefault(f.getKey(), f.getKey());
                changed |= !name.equals(f.getKey());
                fields.put(name, spec);
            }
            if (changed) {
                schemas.deleteStored(c, table);
                schemas.saveStored(c, renamedTables.getOrDefault(table, table), new StoredTable(stored.created(), stored.trackHistory(), fields));
            }
        }
    }
}
