package dev.tablewright.core.schema;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.SqlStatement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tables: reading their schema back (the logical types the workbench stored, else inferred from
 * the native types), creating them, and extending them. The logical schema lives in the database
 * itself, in the internal table {@value InternalNames#SCHEMA_TABLE}, so a second client or a restart sees it.
 */
public final class SchemaManager {

    private final Session session;
    private final Dialect dialect;
    private final Map<String, TableSchema> cache = new ConcurrentHashMap<>();
    private Hooks hooks = Hooks.NONE;

    /** What other parts of the core (history) do when tables are defined, changed or dropped. */
    public interface Hooks {
        Hooks NONE = new Hooks() {
            @Override
            public List<String> setTracking(String table, boolean on) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "History is not available on this connection.");
            }

            @Override
            public List<String> refresh(String table) {
                return List.of();
            }

            @Override
            public List<String> ownedTables(String table) {
                return List.of();
            }

            @Override
            public List<String> beforeDrop(String table) {
                return List.of();
            }
        };

        /** Starts or stops keeping history; returns the statements run. */
        List<String> setTracking(String table, boolean on);

        /** The table's columns changed: bring what depends on them up to date. */
        List<String> refresh(String table);

        /** Internal tables that go when the table goes. */
        List<String> ownedTables(String table);

        /** Statements to run before the table is dropped. */
        List<String> beforeDrop(String table);

        /**
         * Steps to run while the table still has its old name, before it is renamed; throws when
         * what the hooks keep for it cannot follow it to the new name.
         */
        default List<DdlStep> beforeRename(String from, String to) {
            return List.of();
        }

        /** Steps to run once the table and its {@link #ownedTables} have their new names. */
        default List<DdlStep> afterRename(String from, String to) {
            return List.of();
        }
    }

    Hooks hooks() {
        return hooks;
    }

    public void hooks(Hooks hooks) {
        this.hooks = hooks;
    }

    public SchemaManager(Session session) {
        this.session = session;
        this.dialect = session.dialect();
    }

    public void invalidate() {
        cache.clear();
    }

    public void invalidate(String table) {
        cache.remove(table);
    }

    /** User tables, internal ones left out, sorted case-insensitively. */
    public List<String> tables() {
        List<String> names = session.withConnection(dialect::listTables);
        return names.stream().filter(n -> !InternalNames.isInternal(n))
                .sorted(Comparator.comparing((String n) -> n.toLowerCase(Locale.ROOT)).thenComparing(n -> n)).toList();
    }

    /** The schema of an existing table; {@code UNKNOWN_TABLE} (or {@code INVALID_NAME}) otherwise. */
    public TableSchema require(String table) {
        if (table == null || table.isEmpty()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "No table name given.");
        }
        TableSchema cached = cache.get(table);
        if (cached != null) {
            return cached;
        }
        TableSchema schema = session.withConnection(c -> SchemaReader.read(dialect, c, table));
        if (schema == null) {
            Names.requireValidNew("table", table);
            throw new TablewrightException(ErrorCode.UNKNOWN_TABLE, "There is no table '" + Names.printable(table) + "'. Existing tables: " + tables() + ".");
        }
        cache.put(table, schema);
        return schema;
    }

    /** Every user table's schema, read in one pass (the diagram's, on schemas of thousands of tables). */
    public List<TableSchema> requireAll() {
        List<TableSchema> all = session.withConnection(c -> SchemaReader.readAll(dialect, c));
        all.forEach(s -> cache.put(s.name(), s));
        return all.stream().sorted(Comparator.comparing((TableSchema s) -> s.name().toLowerCase(Locale.ROOT)).thenComparing(TableSchema::name)).toList();
    }

    public boolean exists(String table) {
        return session.withConnection(c -> dialect.listTables(c).contains(table));
    }

    void saveStored(Connection c, String table, StoredTable stored) throws SQLException {
        StoredTables.save(dialect, c, table, stored);
    }

    void deleteStored(Connection c, String table) throws SQLException {
        StoredTables.delete(dialect, c, table);
    }

    private String q(String identifier) {
        return dialect.quoteIdentifier(identifier);
    }

    // --- defining ---

    /** Creates the table, or adds the fields it lacks; returns the schema with what was done. */
    public TableSchema define(String table, Map<String, ?> fieldsArg, Map<String, ?> options) {
        Names.requireValidNew("table", table);
        if (InternalNames.isInternal(table)) {
            throw new TablewrightException(ErrorCode.INVALID_NAME, "Names beginning with __ are reserved for Tablewright's internal tables.");
        }
        Map<String, FieldSpec> requested = FieldSpecs.parseFields(fieldsArg);
        if (options != null) {
            for (String key : options.keySet()) {
                if (!key.equals("trackHistory")) {
                    throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Unknown table option '" + Names.printable(key) + "'. Known: trackHistory.");
                }
            }
        }
        boolean trackHistory = options != null && FieldSpecs.flag(options.get("trackHistory"), false);
        List<String> warnings = new ArrayList<>();
        Names.styleWarning("table", table).ifPresent(warnings::add);
        requested.keySet().forEach(f -> Names.styleWarning("field", f).ifPresent(warnings::add));
        long pkCount = requested.values().stream().filter(FieldSpec::primaryKey).count();
        if (requested.values().stream().anyMatch(FieldSpec::autoIncrement) && pkCount > 1) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "autoIncrement needs a single-field primary key.");
        }
        requireNoCaseTwins("field", requested.keySet(), List.of());
        invalidate(table);
        List<String> changes;
        if (!exists(table)) {
            requireNoCaseTwins("table", List.of(table), session.withConnection(dialect::listTables));
            Map<String, FieldSpec> fields = FieldSpecs.withAutoFields(requested);
            requireNoCaseTwins("field", requested.keySet(), fields.keySet().stream().filter(f -> !requested.containsKey(f)).toList());
            changes = new ArrayList<>(create(table, fields, trackHistory));
            if (trackHistory) {
                changes.addAll(startTracking(table));
            }
        } else {
            requireNoCaseTwins("field", requested.keySet(), require(table).fields().keySet());
            changes = new ArrayList<>(extendQuietly(table, requested, warnings));
            invalidate(table);
            boolean tracked = require(table).options().trackHistory();
            if (options != null && options.containsKey("trackHistory") && trackHistory != tracked) {
                changes.addAll(trackHistory ? startTracking(table) : stopTracking(table));
            }
        }
        invalidate(table);
        return require(table).withReport(changes, warnings);
    }

    /**
     * SQLite and MySQL treat names that differ only in case as the same; PostgreSQL does not. So
     * that a schema means the same everywhere, such twins are refused on every dialect.
     */
    private static void requireNoCaseTwins(String kind, Collection<String> names, Collection<String> existing) {
        Map<String, String> seen = new HashMap<>();
        for (String n : existing) {
            seen.put(n.toLowerCase(Locale.ROOT), n);
        }
        for (String n : names) {
            String twin = seen.putIfAbsent(n.toLowerCase(Locale.ROOT), n);
            if (twin != null && !twin.equals(n)) {
                throw new TablewrightException(ErrorCode.INVALID_NAME, "The " + kind + " name '" + n + "' differs from '" + twin
                        + "' only in case; SQLite and MySQL treat them as one name, so pick another.");
            }
        }
    }

    private List<String> create(String table, Map<String, FieldSpec> fields, boolean trackHistory) {
        String ddl = createTableSql(table, fields);
        Session.Work<Void> work = c -> {
            try (Statement st = c.createStatement()) {
                st.execute(ddl);
            }
            saveStored(c, table, new StoredTable(true, trackHistory, fields));
            return null;
        };
        runDdl(work, () -> dropQuietly(table));
        return List.of(ddl);
    }

    /** Runs DDL in one transaction where the dialect can; elsewhere undoes by hand when it fails. */
    private void runDdl(Session.Work<Void> work, Runnable undo) {
        if (dialect.transactionalDdl()) {
            session.inTransaction(work);
            return;
        }
        try {
            session.withConnection(work);
        } catch (RuntimeException e) {
            undo.run();
            throw e;
        }
    }

    private void dropQuietly(String table) {
        try {
            session.withConnection(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS " + q(table));
                }
                return null;
            });
        } catch (RuntimeException ignored) {
            // best effort: the original error is what the caller needs to see
        }
    }

    /** CREATE TABLE for the given fields (the table name may differ from the final one, for a rebuild). */
    String createTableSql(String table, Map<String, FieldSpec> fields) {
        return createTableSql(table, table, fields);
    }

    /** {@code finalName} names the constraints: a rebuild creates the table under a temporary name. */
    String createTableSql(String table, String finalName, Map<String, FieldSpec> fields) {
        return TableDdl.createTableSql(dialect, table, finalName, fields);
    }

    private List<String> extend(String table, Map<String, FieldSpec> requested, List<String> warnings) {
        TableSchema current = require(table);
        Map<String, FieldSpec> missing = new LinkedHashMap<>();
        for (Map.Entry<String, FieldSpec> e : requested.entrySet()) {
            FieldSpec have = current.fields().get(e.getKey());
            if (have == null) {
                requireNoCaseTwins("field", List.of(e.getKey()), current.fields().keySet());
                if (e.getValue().primaryKey()) {
                    throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Table '" + table + "' exists; its primary key cannot be changed by adding field '" + e.getKey() + "'.");
                }
                missing.put(e.getKey(), e.getValue());
            } else if (have.type() != e.getValue().type() && !e.getValue().auto()) {
                warnings.add("Field '" + e.getKey() + "' exists as " + have.type().id() + "; defineTable never changes or narrows an existing field.");
            }
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        long rows = countRows(table);
        for (Map.Entry<String, FieldSpec> e : missing.entrySet()) {
            FieldSpec f = e.getValue();
            if (!f.allowNull() && f.defaultValue() == null && rows > 0) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Cannot add required field '" + e.getKey() + "' to '" + table + "': its " + rows
                        + " existing rows would have no value. Give it a defaultValue, or add it with allowNull: true, fill it, then make it required.");
            }
        }
        boolean needsRebuild = !dialect.supportsAlterAddConstraint()
                && missing.values().stream().anyMatch(f -> f.unique() || !f.allowNull() || f.references() != null);
        if (needsRebuild && !current.managed()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "SQLite cannot add a unique, required or foreign-key field to '" + table
                    + "' without rebuilding it, and Tablewright rebuilds only tables it created. Add the field with allowNull: true and unique: false.");
        }
        Map<String, FieldSpec> merged = new LinkedHashMap<>();
        current.fields().forEach((k, v) -> merged.put(k, v.logical()));
        merged.putAll(missing);
        return applyByPlan(current, merged, false);
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private long countRows(String table) {
        return session.withConnection(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + q(table))) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * extend, with a tracked table's history triggers set aside meanwhile: filling new columns of
     * existing rows is a schema change, not a change of the rows (SQLite's rebuild records none
     * either).
     */
    private List<String> extendQuietly(String table, Map<String, FieldSpec> requested, List<String> warnings) {
        boolean tracked = require(table).options().trackHistory();
        if (!tracked) {
            return extend(table, requested, warnings);
        }
        session.withConnection(c -> {
            for (String drop : dialect.dropHistoryTriggers(table)) {
                exec(c, drop);
            }
            return null;
        });
        try {
            return extend(table, requested, warnings);
        } finally {
            invalidate(table);
            hooks.refresh(table);
        }
    }

    List<String> startTracking(String table) {
        invalidate(table);
        try {
            setStoredTracking(table, true);
            return hooks.setTracking(table, true);
        } catch (RuntimeException e) {
            setStoredTracking(table, false);
            throw e;
        } finally {
            invalidate(table);
        }
    }

    List<String> stopTracking(String table) {
        invalidate(table);
        try {
            List<String> done = hooks.setTracking(table, false);
            setStoredTracking(table, false);
            return done;
        } finally {
            invalidate(table);
        }
    }

    private void setStoredTracking(String table, boolean on) {
        TableSchema current = require(table);
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        current.fields().forEach((k, v) -> fields.put(k, v.logical()));
        session.inTransaction(c -> {
            saveStored(c, table, new StoredTable(current.managed(), on, fields));
            return null;
        });
        invalidate(table);
    }

    private List<String> refreshIfTracked(String table, List<String> done) {
        invalidate(table);
        if (require(table).options().trackHistory()) {
            List<String> all = new ArrayList<>(done);
            all.addAll(hooks.refresh(table));
            return all;
        }
        return done;
    }

    /**
     * Changes the table to {@code merged} the one way every change to an existing table is made:
     * the table-change planner's plan (ALTER TABLE where the dialect can, SQLite's 12-step rebuild
     * where it cannot), applied in one transaction. Returns the statements run.
     */
    private List<String> applyByPlan(TableSchema current, Map<String, FieldSpec> merged, boolean keysMayChange) {
        List<TableDesign.Field> fields = new ArrayList<>();
        merged.forEach((name, spec) -> fields.add(current.fields().containsKey(name)
                ? new TableDesign.Field(name, name, spec) : TableDesign.Field.added(name, spec)));
        TableDesign design = TableDesign.of(current).withFields(fields);
        TableChanges changes = new TableChanges(session, this);
        return changes.applyPlan(design, false, keysMayChange).all().stream().map(SqlStatement::sql).toList();
    }

    /** Adds one field (a foreign key, say) to an existing table: by ALTER TABLE, or SQLite's rebuild. */
    public List<String> addField(String table, String field, FieldSpec spec) {
        Names.requireValidNew("field", field);
        invalidate(table);
        try {
            return refreshIfTracked(table, extend(table, Map.of(field, spec), new ArrayList<>()));
        } finally {
            invalidate(table);
        }
    }

    /**
     * Replaces the definition of an existing field whose new form only tightens it (a foreign key
     * becoming NOT NULL with another ON DELETE); the caller has checked the rows allow it.
     */
    public List<String> tightenField(String table, String field, FieldSpec spec) {
        TableSchema current = require(table);
        Map<String, FieldSpec> merged = new LinkedHashMap<>();
        current.fields().forEach((k, v) -> merged.put(k, k.equals(field) ? spec : v.logical()));
        invalidate(table);
        try {
            return refreshIfTracked(table, applyByPlan(current, merged, true));
        } finally {
            invalidate(table);
        }
    }

    /** Creates an internal (__) table, such as a many-to-many junction, with a stored schema. */
    public List<String> createInternal(String table, Map<String, FieldSpec> fields) {
        if (!InternalNames.isInternal(table)) {
            throw new IllegalArgumentException(table);
        }
        invalidate(table);
        return create(table, fields, false);
    }

    /**
     * Gives a table a new name, with its history, its many-to-many junctions and what the
     * workbench stored about it; see {@link TableRename}.
     */
    public TableSchema rename(String from, String to) {
        try {
            new TableRename(session, this).rename(from, to);
        } finally {
            invalidate();
        }
        return require(to);
    }

    /** Drops a table and what the workbench stored about it. */
    public void drop(String table) {
        TableSchema schema = require(table);
        List<String> junctions = schema.relationships().stream().filter(r -> "manyToMany".equals(r.get("type")))
                .map(r -> (String) r.get("through")).toList();
        Session.Work<Void> work = c -> {
            for (String j : junctions) {
                exec(c, "DROP TABLE IF EXISTS " + q(j));
                deleteStored(c, j);
            }
            for (String statement : hooks.beforeDrop(table)) {
                exec(c, statement);
            }
            for (String internal : hooks.ownedTables(table)) {
                exec(c, "DROP TABLE IF EXISTS " + q(internal));
                deleteStored(c, internal);
            }
            exec(c, "DROP TABLE " + q(table));
            deleteStored(c, table);
            return null;
        };
        try {
            runDdl(work, () -> { });
        } finally {
            invalidate();
        }
    }

}
