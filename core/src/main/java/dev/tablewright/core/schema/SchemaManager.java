package dev.tablewright.core.schema;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.base.Values;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.SqlStatement;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                .sorted(Comparator.comparing((String n) -> n.toLowerCase(java.util.Locale.ROOT)).thenComparing(n -> n)).toList();
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
        TableSchema schema = session.withConnection(c -> read(c, table));
        if (schema == null) {
            Names.requireValidNew("table", table);
            throw new TablewrightException(ErrorCode.UNKNOWN_TABLE, "There is no table '" + Names.printable(table) + "'. Existing tables: " + tables() + ".");
        }
        cache.put(table, schema);
        return schema;
    }

    public boolean exists(String table) {
        return session.withConnection(c -> dialect.listTables(c).contains(table));
    }

    // --- reading ---

    private TableSchema read(Connection c, String table) throws SQLException {
        if (!dialect.listTables(c).contains(table)) {
            return null;
        }
        StoredTable stored = loadStored(c, table);
        DatabaseMetaData md = c.getMetaData();
        String catalog = dialect.metaCatalog(c);
        String schema = dialect.metaSchema(c);

        List<String> pk = new ArrayList<>();
        Map<Integer, String> pkBySeq = new java.util.TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                if (table.equals(rs.getString("TABLE_NAME"))) {
                    pkBySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
        }
        pk.addAll(pkBySeq.values());

        Set<String> unique = new java.util.HashSet<>();
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

        try (ResultSet rs = md.getExportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                String child = rs.getString("FKTABLE_NAME");
                Map<String, Object> rel = new LinkedHashMap<>();
                java.util.Optional<String[]> junction = InternalNames.junctionSides(child);
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

    /** What the workbench stored about a table. */
    record StoredTable(boolean created, boolean trackHistory, Map<String, FieldSpec> fields) {
    }

    private StoredTable loadStored(Connection c, String table) throws SQLException {
        if (!dialect.listTables(c).contains(InternalNames.SCHEMA_TABLE)) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + q("definition") + " FROM " + q(InternalNames.SCHEMA_TABLE) + " WHERE " + q("tableName") + " = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return Json.MAPPER.readValue(rs.getString(1), new TypeReference<StoredTable>() { });
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new TablewrightException(ErrorCode.SQL_ERROR, "The stored schema of '" + table + "' is damaged: " + e.getOriginalMessage(), e);
            }
        }
    }

    private void ensureMeta(Connection c) throws SQLException {
        if (dialect.listTables(c).contains(InternalNames.SCHEMA_TABLE)) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute(metaTableSql(dialect));
        }
    }

    static String metaTableSql(Dialect dialect) {
        return "CREATE TABLE " + dialect.quoteIdentifier(InternalNames.SCHEMA_TABLE) + " (" + dialect.quoteIdentifier("tableName") + " " + dialect.columnType(LogicalType.STRING)
                + " NOT NULL PRIMARY KEY, " + dialect.quoteIdentifier("definition") + " " + dialect.columnType(LogicalType.TEXT) + " NOT NULL)"
                + dialect.createTableSuffix();
    }

    /** The statements that store what the workbench knows of a table: the same two {@link #saveStored} runs. */
    static List<SqlStatement> saveStoredStatements(Dialect dialect, String table, StoredTable stored) {
        String meta = dialect.quoteIdentifier(InternalNames.SCHEMA_TABLE);
        String name = dialect.quoteIdentifier("tableName");
        return List.of(SqlStatement.of("DELETE FROM " + meta + " WHERE " + name + " = ?", table),
                SqlStatement.of("INSERT INTO " + meta + " (" + name + ", " + dialect.quoteIdentifier("definition") + ") VALUES (?, ?)", table, Json.write(stored)));
    }

    void saveStored(Connection c, String table, StoredTable stored) throws SQLException {
        ensureMeta(c);
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + q(InternalNames.SCHEMA_TABLE) + " WHERE " + q("tableName") + " = ?")) {
            del.setString(1, table);
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + q(InternalNames.SCHEMA_TABLE) + " (" + q("tableName") + ", " + q("definition") + ") VALUES (?, ?)")) {
            ins.setString(1, table);
            ins.setString(2, Json.write(stored));
            ins.executeUpdate();
        }
    }

    private String q(String identifier) {
        return dialect.quoteIdentifier(identifier);
    }

    // --- defining ---

    /** Parses the {@code fields} argument of defineTable into field specs, refusing what cannot be built. */
    public static Map<String, FieldSpec> parseFields(Map<String, ?> fields) {
        if (fields == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "defineTable needs fields: a map of field names to types.");
        }
        Map<String, FieldSpec> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            String name = e.getKey();
            Names.requireValidNew("field", name);
            out.put(name, parseField(name, e.getValue()));
        }
        return out;
    }

    private static FieldSpec parseField(String name, Object spec) {
        if (spec instanceof String type) {
            LogicalType.Parsed p = LogicalType.parse(type);
            return new FieldSpec(p.type(), false, p.unique(), true, null, false, false, null, null);
        }
        if (!(spec instanceof Map<?, ?> m)) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Field '" + name + "': give a type name or an object with 'type'.");
        }
        for (Object key : m.keySet()) {
            if (!Set.of("type", "primaryKey", "unique", "allowNull", "defaultValue", "autoIncrement", "auto", "references", "nativeType").contains(String.valueOf(key))) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Field '" + name + "': unknown option '" + Names.printable(String.valueOf(key))
                        + "'. Known: type, primaryKey, unique, allowNull, defaultValue, autoIncrement.");
            }
        }
        LogicalType.Parsed p = LogicalType.parse(m.get("type") == null ? null : String.valueOf(m.get("type")));
        boolean primaryKey = flag(m.get("primaryKey"), false);
        boolean unique = p.unique() || flag(m.get("unique"), false);
        boolean allowNull = !primaryKey && flag(m.get("allowNull"), true);
        boolean autoIncrement = flag(m.get("autoIncrement"), false);
        boolean auto = flag(m.get("auto"), false);
        if (autoIncrement && (p.type() != LogicalType.INTEGER || !primaryKey)) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Field '" + name + "': autoIncrement applies to an integer primary key only.");
        }
        if (unique && !primaryKey && Set.of(LogicalType.TEXT, LogicalType.JSON, LogicalType.JSONB, LogicalType.FILE).contains(p.type())) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Field '" + name + "': a " + p.type().id()
                    + " field cannot be unique; use a string field (up to " + Values.STRING_MAX + " characters).");
        }
        if (primaryKey && Set.of(LogicalType.TEXT, LogicalType.JSON, LogicalType.JSONB, LogicalType.FILE).contains(p.type())) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Field '" + name + "': a " + p.type().id() + " field cannot be the primary key.");
        }
        FieldSpec.Reference ref = null;
        if (m.get("references") instanceof Map<?, ?> r) {
            ref = new FieldSpec.Reference(String.valueOf(r.get("table")), r.get("field") == null ? "id" : String.valueOf(r.get("field")),
                    r.get("onDelete") == null ? null : String.valueOf(r.get("onDelete")));
        }
        FieldSpec field = new FieldSpec(p.type(), primaryKey, unique, allowNull, m.get("defaultValue"), autoIncrement, auto, ref, null);
        if (field.defaultValue() != null && !field.defaultsToNow()) {
            Values.coerce(name, field.type(), field.defaultValue());
        }
        return field;
    }

    private static boolean flag(Object value, boolean otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(value);
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Expected true or false, got '" + Names.printable(s) + "'.");
    }

    /** The automatic fields, as they appear in a table without an explicit id. */
    public static Map<String, FieldSpec> withAutoFields(Map<String, FieldSpec> requested) {
        boolean explicitId = requested.values().stream().anyMatch(f -> f.primaryKey() && !f.auto());
        if (explicitId) {
            return requested;
        }
        Map<String, FieldSpec> out = new LinkedHashMap<>();
        out.put("id", new FieldSpec(LogicalType.STRING, true, false, false, null, false, true, null, null));
        requested.forEach((k, v) -> {
            if (!Set.of("id", "createdAt", "updatedAt").contains(k)) {
                out.put(k, v);
            }
        });
        out.put("createdAt", new FieldSpec(LogicalType.DATE, false, false, true, null, false, true, null, null));
        out.put("updatedAt", new FieldSpec(LogicalType.DATE, false, false, true, null, false, true, null, null));
        return out;
    }

    /** Creates the table, or adds the fields it lacks; returns the schema with what was done. */
    public TableSchema define(String table, Map<String, ?> fieldsArg, Map<String, ?> options) {
        Names.requireValidNew("table", table);
        if (InternalNames.isInternal(table)) {
            throw new TablewrightException(ErrorCode.INVALID_NAME, "Names beginning with __ are reserved for Tablewright's internal tables.");
        }
        Map<String, FieldSpec> requested = parseFields(fieldsArg);
        if (options != null) {
            for (String key : options.keySet()) {
                if (!key.equals("trackHistory")) {
                    throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Unknown table option '" + Names.printable(key) + "'. Known: trackHistory.");
                }
            }
        }
        boolean trackHistory = options != null && flag(options.get("trackHistory"), false);
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
            changes = new ArrayList<>(create(table, withAutoFields(requested), trackHistory));
            if (trackHistory) {
                changes.addAll(startTracking(table));
            }
        } else {
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
    private static void requireNoCaseTwins(String kind, java.util.Collection<String> names, java.util.Collection<String> existing) {
        Map<String, String> seen = new java.util.HashMap<>();
        for (String n : existing) {
            seen.put(n.toLowerCase(java.util.Locale.ROOT), n);
        }
        for (String n : names) {
            String twin = seen.putIfAbsent(n.toLowerCase(java.util.Locale.ROOT), n);
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
        return createTableSql(dialect, table, finalName, fields);
    }

    static String createTableSql(Dialect dialect, String table, String finalName, Map<String, FieldSpec> fields) {
        List<String> pk = fields.entrySet().stream().filter(e -> e.getValue().primaryKey()).map(Map.Entry::getKey).toList();
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(dialect.quoteIdentifier(table)).append(" (");
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, FieldSpec> e : fields.entrySet()) {
            parts.add(columnSql(dialect, e.getKey(), e.getValue(), pk.size() == 1));
        }
        if (pk.size() > 1) {
            parts.add("PRIMARY KEY (" + String.join(", ", pk.stream().map(dialect::quoteIdentifier).toList()) + ")");
        }
        for (Map.Entry<String, FieldSpec> e : fields.entrySet()) {
            FieldSpec.Reference r = e.getValue().references();
            if (r != null) {
                parts.add(foreignKeySql(dialect, finalName, e.getKey(), r));
            }
        }
        sql.append(String.join(", ", parts)).append(')').append(dialect.createTableSuffix());
        return sql.toString();
    }

    private static String onDeleteSql(String rule) {
        return switch (rule.toUpperCase(java.util.Locale.ROOT)) {
            case "CASCADE" -> "CASCADE";
            case "SET NULL" -> "SET NULL";
            case "RESTRICT" -> "RESTRICT";
            case "SET DEFAULT" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    private static String columnSql(Dialect dialect, String name, FieldSpec f, boolean singlePk) {
        if (f.autoIncrement()) {
            return dialect.quoteIdentifier(name) + " " + dialect.autoIncrementPrimaryKey();
        }
        StringBuilder col = new StringBuilder(dialect.quoteIdentifier(name)).append(' ').append(dialect.columnType(f.type()));
        if (!f.allowNull() || f.primaryKey()) {
            col.append(" NOT NULL");
        }
        if (f.primaryKey() && singlePk) {
            col.append(" PRIMARY KEY");
        } else if (f.unique()) {
            col.append(" UNIQUE");
        }
        return col.toString();
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
        Map<String, FieldSpec> merged = new LinkedHashMap<>();
        current.fields().forEach((k, v) -> merged.put(k, v.logical()));
        merged.putAll(missing);
        StoredTable stored = new StoredTable(current.managed(), current.options().trackHistory(), merged);
        if (needsRebuild) {
            if (!current.managed()) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "SQLite cannot add a unique, required or foreign-key field to '" + table
                        + "' without rebuilding it, and Tablewright rebuilds only tables it created. Add the field with allowNull: true and unique: false.");
            }
            return new SqliteRebuild(session, this).rebuild(table, merged, missing, stored);
        }
        List<String> done = new ArrayList<>();
        Session.Work<Void> work = c -> {
            for (Map.Entry<String, FieldSpec> e : missing.entrySet()) {
                done.addAll(addColumn(c, table, e.getKey(), e.getValue(), rows));
            }
            saveStored(c, table, stored);
            return null;
        };
        runDdl(work, () -> { });
        return done;
    }

    private List<String> addColumn(Connection c, String table, String name, FieldSpec f, long rows) throws SQLException {
        List<String> done = new ArrayList<>();
        String add = "ALTER TABLE " + q(table) + " ADD COLUMN " + q(name) + " " + dialect.columnType(f.type());
        exec(c, add);
        done.add(add);
        if (f.defaultValue() != null && rows > 0) {
            Object v = f.storedDefault(name, Values.date(name, java.time.Instant.now()));
            SqlStatement fill = new SqlStatement("UPDATE " + q(table) + " SET " + q(name) + " = " + dialect.placeholder(f.type()),
                    List.of(new Session.TypedValue(f.type(), v)));
            try (PreparedStatement ps = session.prepare(c, fill)) {
                ps.executeUpdate();
            }
            done.add(fill.sql());
        }
        if (!f.allowNull()) {
            String notNull = dialect.alterSetNotNull(table, name, f.type());
            exec(c, notNull);
            done.add(notNull);
        }
        if (f.unique()) {
            String unique = "ALTER TABLE " + q(table) + " ADD UNIQUE (" + q(name) + ")";
            exec(c, unique);
            done.add(unique);
        }
        if (f.references() != null) {
            String fk = "ALTER TABLE " + q(table) + " ADD " + foreignKeySql(table, name, f.references());
            exec(c, fk);
            done.add(fk);
        }
        return done;
    }

    /** A named FOREIGN KEY clause; the name is fk_<table>_<field>, cut to the 63 characters every dialect allows. */
    String foreignKeySql(String table, String field, FieldSpec.Reference r) {
        return foreignKeySql(dialect, table, field, r);
    }

    static String foreignKeySql(Dialect dialect, String table, String field, FieldSpec.Reference r) {
        return namedForeignKeySql(dialect, foreignKeyName(table, field), field, r);
    }

    /** The name the workbench gives the foreign key of {@code field} in {@code table}. */
    static String foreignKeyName(String table, String field) {
        String name = "fk_" + table + "_" + field;
        if (name.length() > 63) {
            name = name.substring(0, 54) + "_" + Integer.toHexString(name.hashCode());
        }
        return name;
    }

    static String namedForeignKeySql(Dialect dialect, String name, String field, FieldSpec.Reference r) {
        return "CONSTRAINT " + dialect.quoteIdentifier(name) + " FOREIGN KEY (" + dialect.quoteIdentifier(field) + ") REFERENCES "
                + dialect.quoteIdentifier(r.table()) + " (" + dialect.quoteIdentifier(r.field()) + ")"
                + (r.onDelete() == null ? "" : " ON DELETE " + onDeleteSql(r.onDelete()));
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
        StoredTable stored = new StoredTable(current.managed(), current.options().trackHistory(), merged);
        invalidate(table);
        try {
            if (!dialect.supportsAlterAddConstraint()) {
                return refreshIfTracked(table, new SqliteRebuild(session, this).rebuild(table, merged, Map.of(), stored));
            }
            List<String> done = new ArrayList<>();
            Session.Work<Void> work = c -> {
                String oldFk = foreignKeyName(c, table, field);
                if (oldFk != null) {
                    String drop = dialect.dropForeignKey(table, oldFk);
                    exec(c, drop);
                    done.add(drop);
                }
                if (!spec.allowNull()) {
                    String notNull = dialect.alterSetNotNull(table, field, spec.type());
                    exec(c, notNull);
                    done.add(notNull);
                }
                if (spec.references() != null) {
                    String fk = "ALTER TABLE " + q(table) + " ADD " + foreignKeySql(table, field, spec.references());
                    exec(c, fk);
                    done.add(fk);
                }
                saveStored(c, table, stored);
                return null;
            };
            runDdl(work, () -> { });
            return refreshIfTracked(table, done);
        } finally {
            invalidate(table);
        }
    }

    private String foreignKeyName(Connection c, String table, String field) throws SQLException {
        try (ResultSet rs = c.getMetaData().getImportedKeys(dialect.metaCatalog(c), dialect.metaSchema(c), table)) {
            while (rs.next()) {
                if (field.equals(rs.getString("FKCOLUMN_NAME"))) {
                    return rs.getString("FK_NAME");
                }
            }
        }
        return null;
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


    void deleteStored(Connection c, String table) throws SQLException {
        if (dialect.listTables(c).contains(InternalNames.SCHEMA_TABLE)) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + q(InternalNames.SCHEMA_TABLE) + " WHERE " + q("tableName") + " = ?")) {
                ps.setString(1, table);
                ps.executeUpdate();
            }
        }
    }

}
