package dev.tablewright.core.schema;

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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Diffs a {@link TableDesign} against the table as it is ({@link TableSnapshot}) into the
 * statements that make the table so, for one dialect. Pure: it reads nothing, so the same design
 * can be planned for another dialect than the connection's. What a dialect cannot do, or the
 * workbench does not offer, is an {@link UnsupportedChangeException}, never wrong SQL.
 *
 * <p>Where ALTER TABLE can make the change (PostgreSQL, MySQL/MariaDB; SQLite for renames and
 * plain added fields) it is made in place; otherwise the table is rebuilt as sqlite.org's twelve
 * steps prescribe: foreign keys off, new table, copy, drop, rename, indexes, triggers and views
 * back, {@code foreign_key_check}.
 */
public final class TableChangePlanner {
    private static final Set<LogicalType> NOT_KEYABLE = Set.of(LogicalType.TEXT, LogicalType.JSON, LogicalType.JSONB, LogicalType.FILE);

    private TableChangePlanner() {
    }

    /** The plan for the design on {@code dialect}, given the table as it is. */
    public static TableChangePlan plan(Dialect dialect, TableSnapshot snapshot, TableDesign design) {
        return plan(dialect, snapshot, design, false);
    }

    /**
     * As {@link #plan(Dialect, TableSnapshot, TableDesign)}; {@code keysMayChange} lets a kept
     * field's foreign key change, which only relationships do (a link made mandatory is rebuilt
     * with its new constraint on SQLite), never a design.
     */
    static TableChangePlan plan(Dialect dialect, TableSnapshot snapshot, TableDesign design, boolean keysMayChange) {
        TableSchema current = snapshot == null ? null : snapshot.schema();
        Names.requireValidNew("table", design.name());
        if (InternalNames.isInternal(design.name())) {
            throw new TablewrightException(ErrorCode.INVALID_NAME, "Names beginning with __ are reserved for Tablewright's internal tables.");
        }
        if (design.fields().isEmpty()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "A table needs at least one field.");
        }
        if (!design.existing()) {
            if (current != null) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "A table named '" + design.name()
                        + "' exists already; open it in the designer to change it, or pick another name.");
            }
            return new Planner(dialect, snapshot, design, keysMayChange).create();
        }
        if (current == null) {
            throw new TablewrightException(ErrorCode.UNKNOWN_TABLE, "There is no table '" + Names.printable(design.name()) + "' to change.");
        }
        return new Planner(dialect, snapshot, design, keysMayChange).change();
    }

    private static final class Planner {
        private final Dialect d;
        private final TableSnapshot snapshot;
        private final TableDesign design;
        private final String table;
        private final List<SqlStatement> before = new ArrayList<>();
        private final List<SqlStatement> statements = new ArrayList<>();
        private final List<SqlStatement> after = new ArrayList<>();
        private final List<String> summary = new ArrayList<>();
        private SqlStatement check;
        private final boolean keysMayChange;

        Planner(Dialect d, TableSnapshot snapshot, TableDesign design, boolean keysMayChange) {
            this.keysMayChange = keysMayChange;
            this.d = d;
            this.snapshot = snapshot;
            this.design = design;
            this.table = design.name();
        }

        private String q(String name) {
            return d.quoteIdentifier(name);
        }

        private void add(String sql) {
            statements.add(SqlStatement.of(sql));
        }

        private TableChangePlan done(Boolean tracking) {
            return new TableChangePlan(table, d.name(), before, statements, check, after, summary, tracking);
        }

        // --- a new table ---

        TableChangePlan create() {
            Map<String, FieldSpec> requested = new LinkedHashMap<>();
            for (TableDesign.Field f : design.fields()) {
                checkField(f.name(), f.spec(), null, true);
                if (requested.put(f.name(), f.spec()) != null) {
                    throw new TablewrightException(ErrorCode.INVALID_NAME, "Two fields are named '" + f.name() + "'.");
                }
            }
            Map<String, FieldSpec> fields = FieldSpecs.withAutoFields(requested);
            checkNoTwins(fields.keySet());
            if (fields.values().stream().filter(FieldSpec::primaryKey).count() > 1 && fields.values().stream().anyMatch(FieldSpec::autoIncrement)) {
                throw new UnsupportedChangeException(null, "autoIncrement needs a single-field primary key.");
            }
            if (snapshot == null || !snapshot.metaExists()) {
                add(StoredTables.metaTableSql(d));
            }
            add(TableDdl.createTableSql(d, table, table, fields));
            statements.addAll(StoredTables.saveStoredStatements(d, table, new StoredTable(true, false, fields)));
            summary.add("Create table '" + table + "' with fields " + String.join(", ", fields.keySet()) + ".");
            if (design.trackHistory()) {
                summary.add("Keep the history of every row.");
            }
            return done(design.trackHistory() ? Boolean.TRUE : null);
        }

        // --- an existing table ---

        TableChangePlan change() {
            TableSchema current = snapshot.schema();
            Map<String, FieldSpec> cur = new LinkedHashMap<>();
            current.fields().forEach((k, v) -> cur.put(k, v.logical()));

            Map<String, String> renamed = new LinkedHashMap<>();
            Map<String, FieldSpec[]> changed = new LinkedHashMap<>();
            Map<String, FieldSpec> added = new LinkedHashMap<>();
            Set<String> used = new HashSet<>();
            Map<String, FieldSpec> target = new LinkedHashMap<>();
            boolean addedBeforeKept = false;
            for (TableDesign.Field f : design.fields()) {
                if (target.put(f.name(), f.spec()) != null) {
                    throw new TablewrightException(ErrorCode.INVALID_NAME, "Two fields are named '" + f.name() + "'.");
                }
                if (f.original() == null) {
                    checkField(f.name(), f.spec(), null, true);
                    if (f.spec().primaryKey()) {
                        throw new UnsupportedChangeException(f.name(), "The primary key of an existing table cannot be changed; '" + f.name()
                                + "' cannot become part of it.");
                    }
                    added.put(f.name(), f.spec());
                    continue;
                }
                if (!added.isEmpty()) {
                    addedBeforeKept = true;
                }
                FieldSpec was = cur.get(f.original());
                if (was == null) {
                    throw new TablewrightException(ErrorCode.UNKNOWN_FIELD, "Table '" + table + "' has no field '" + f.original() + "'.");
                }
                if (!used.add(f.original())) {
                    throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Field '" + f.original() + "' appears twice in the design.");
                }
                FieldSpec now = f.spec();
                checkField(f.name(), now, was, !f.name().equals(f.original()));
                checkKeptField(f.name(), was, now, !f.name().equals(f.original()));
                if (!f.name().equals(f.original())) {
                    renamed.put(f.original(), f.name());
                }
                if (!sameLogical(was, now) || !Objects.equals(was.references(), now.references())) {
                    changed.put(f.original(), new FieldSpec[]{was, now});
                }
            }
            checkNoTwins(target.keySet());
            List<String> dropped = cur.keySet().stream().filter(k -> !used.contains(k)).toList();
            for (String name : dropped) {
                if (cur.get(name).primaryKey()) {
                    throw new UnsupportedChangeException(name, "'" + name + "' is the primary key; it cannot be dropped.");
                }
                if (cur.get(name).auto()) {
                    throw new UnsupportedChangeException(name, "'" + name + "' is an automatic field of the workbench; it cannot be dropped.");
                }
            }
            List<String> keptOrder = design.fields().stream().filter(f -> f.original() != null).map(TableDesign.Field::original).toList();
            List<String> currentOrder = cur.keySet().stream().filter(used::contains).toList();
            boolean reordered = !keptOrder.equals(currentOrder) || addedBeforeKept;

            boolean typeChange = changed.values().stream().anyMatch(p -> p[0].type() != p[1].type());
            boolean nullChange = changed.values().stream().anyMatch(p -> p[0].allowNull() != p[1].allowNull());
            boolean uniqueChange = changed.values().stream().anyMatch(p -> p[0].unique() != p[1].unique());
            boolean keyChange = changed.values().stream().anyMatch(p -> !Objects.equals(p[0].references(), p[1].references()));
            boolean constrainedAdd = added.values().stream().anyMatch(f -> !f.allowNull() || f.unique() || f.references() != null);
            Map<String, FieldSpec.Reference> unlinked = new LinkedHashMap<>();
            for (TableDesign.Field f : design.fields()) {
                FieldSpec was = f.original() == null ? null : cur.get(f.original());
                if (was != null && was.references() != null && f.spec().references() == null) {
                    unlinked.put(f.original(), was.references());
                }
            }
            boolean rebuild = !d.supportsAlterAddConstraint()
                    && (!dropped.isEmpty() || typeChange || nullChange || uniqueChange || keyChange || reordered || constrainedAdd);
            if (reordered && d.supportsAlterAddConstraint()) {
                String first = design.fields().stream().filter(f -> f.original() == null).map(TableDesign.Field::name).findFirst()
                        .orElse(keptOrder.isEmpty() ? null : keptOrder.get(0));
                throw new UnsupportedChangeException(addedBeforeKept ? first : null, d.name() + " cannot reorder the columns of an existing table:"
                        + " keep the existing fields in their order and add new fields at the end.");
            }
            if (rebuild && !current.managed()) {
                throw new UnsupportedChangeException(null, "SQLite can make this change only by rebuilding '" + table + "', and Tablewright rebuilds only"
                        + " tables it created (a rebuild would lose this table's own column types and constraints). Renaming fields and adding"
                        + " optional fields works without one.");
            }

            Boolean tracking = design.trackHistory() == current.options().trackHistory() ? null : design.trackHistory();
            if (Boolean.TRUE.equals(tracking) && current.primaryKey().size() != 1) {
                throw new UnsupportedChangeException(null, "History needs a single-field primary key; '" + table + "' has " + current.primaryKey() + ".");
            }
            describe(cur, dropped, renamed, changed, added, reordered, tracking);
            if (summary.isEmpty()) {
                return done(null);
            }
            Map<String, FieldSpec> finalFields = new LinkedHashMap<>();
            for (TableDesign.Field f : design.fields()) {
                FieldSpec spec = f.spec();
                if (f.original() != null) {
                    FieldSpec was = cur.get(f.original());
                    spec = new FieldSpec(spec.type(), was.primaryKey(), spec.unique(), spec.allowNull() && !was.primaryKey(), spec.defaultValue(),
                            was.autoIncrement(), was.auto(), keysMayChange || unlinked.containsKey(f.original()) ? spec.references() : was.references(), null);
                }
                finalFields.put(f.name(), spec);
            }
            boolean tracked = current.options().trackHistory();
            boolean columnsChange = !dropped.isEmpty() || !renamed.isEmpty() || typeChange || !added.isEmpty() || rebuild;
            if (tracked && columnsChange) {
                d.dropHistoryTriggers(table).forEach(this::add);
            }
            if (rebuild) {
                rebuild(cur, finalFields, dropped, renamed, changed);
            } else {
                // A foreign key goes before its column: MySQL refuses to drop a column a constraint still needs.
                for (String field : cur.keySet()) {
                    if (unlinked.containsKey(field) || relinked(changed.get(field)) || (dropped.contains(field) && cur.get(field).references() != null)) {
                        add(d.dropForeignKey(table, snapshot.foreignKeyName(table, field)));
                    }
                }
                inPlace(cur, dropped, renamed, changed, added);
            }
            if (tracked && columnsChange) {
                renamed.forEach((from, to) -> statements.add(d.renameJsonKey(InternalNames.historyTable(table), "data", from, to)));
                Map<String, LogicalType> columns = new LinkedHashMap<>();
                finalFields.forEach((k, v) -> columns.put(k, v.type()));
                String key = finalFields.entrySet().stream().filter(e -> e.getValue().primaryKey()).map(Map.Entry::getKey).findFirst().orElseThrow();
                d.historyTriggers(table, InternalNames.historyTable(table), key, columns).forEach(this::add);
            }
            StoredTable stored = new StoredTable(current.managed(), tracked, finalFields);
            if (StoredTables.worthStoring(stored)) {
                if (!snapshot.metaExists()) {
                    add(StoredTables.metaTableSql(d));
                }
                statements.addAll(StoredTables.saveStoredStatements(d, table, stored));
            } else if (snapshot.metaExists()) {
                statements.add(StoredTables.saveStoredStatements(d, table, stored).get(0));
            }
            return done(tracking);
        }

        /**
         * Whether a kept field's foreign key is replaced by another (a link made mandatory with
         * another ON DELETE): only where the caller lets keys change; the old one is dropped first.
         */
        private boolean relinked(FieldSpec[] change) {
            return keysMayChange && change != null && change[0].references() != null && change[1].references() != null
                    && !change[0].references().equals(change[1].references());
        }

        private void describe(Map<String, FieldSpec> cur, List<String> dropped, Map<String, String> renamed, Map<String, FieldSpec[]> changed,
                              Map<String, FieldSpec> added, boolean reordered, Boolean tracking) {
            dropped.forEach(n -> summary.add("Drop field '" + n + "'."));
            renamed.forEach((from, to) -> summary.add("Rename field '" + from + "' to '" + to + "'."));
            changed.forEach((orig, p) -> {
                String name = renamed.getOrDefault(orig, orig);
                if (p[0].type() != p[1].type()) {
                    summary.add("Change '" + name + "' from " + p[0].type().id() + " to " + p[1].type().id() + ".");
                }
                if (p[0].allowNull() != p[1].allowNull()) {
                    summary.add(p[1].allowNull() ? "Let '" + name + "' be empty." : "Make '" + name + "' required.");
                }
                if (p[0].unique() != p[1].unique()) {
                    summary.add(p[1].unique() ? "Make '" + name + "' unique." : "Let '" + name + "' repeat values (no longer unique).");
                }
                if (!Objects.equals(p[0].references(), p[1].references())) {
                    summary.add(p[1].references() == null && p[0].references() != null
                            ? "Remove the link of '" + name + "' to '" + p[0].references().table() + "'; the field keeps its values."
                            : "Change the foreign key of '" + name + "'.");
                }
                if (!sameDefault(p[0], p[1])) {
                    summary.add(p[1].defaultValue() == null ? "Remove the default of '" + name + "'."
                            : "Set the default of '" + name + "' to " + p[1].defaultValue() + ".");
                }
            });
            added.forEach((n, f) -> summary.add("Add field '" + n + "' (" + f.type().id() + (f.unique() ? ", unique" : "")
                    + (f.allowNull() ? "" : ", required") + ")."));
            if (reordered) {
                summary.add("Put the fields in the new order.");
            }
            if (tracking != null) {
                summary.add(tracking ? "Keep the history of every row." : "Stop keeping history (the versions kept so far stay).");
            }
        }

        private void inPlace(Map<String, FieldSpec> cur, List<String> dropped, Map<String, String> renamed, Map<String, FieldSpec[]> changed,
                             Map<String, FieldSpec> added) {
            // The exact unique keys (decision 0050) by their field's current name: the hidden column, then the key's name.
            Map<String, String[]> exact = new HashMap<>();
            snapshot.exactKeyColumns().forEach((field, column) -> exact.put(field, new String[]{column, snapshot.uniqueNames().get(field)}));
            for (String n : dropped) {
                String[] key = exact.remove(n);
                if (key != null) {
                    add(d.dropExactUnique(table, key[0], key[1]));
                }
                add(d.dropColumn(table, n));
            }
            boolean collision = renamed.values().stream().anyMatch(to -> cur.containsKey(to) && !dropped.contains(to));
            if (collision) {
                int i = 0;
                Map<String, String> temp = new LinkedHashMap<>();
                for (Map.Entry<String, String> r : renamed.entrySet()) {
                    String t = "__tw_rename_" + i++;
                    renameColumn(r.getKey(), t, exact);
                    temp.put(t, r.getValue());
                }
                temp.forEach((from, to) -> renameColumn(from, to, exact));
            } else {
                renamed.forEach((from, to) -> renameColumn(from, to, exact));
            }
            for (Map.Entry<String, FieldSpec[]> e : changed.entrySet()) {
                String name = renamed.getOrDefault(e.getKey(), e.getKey());
                FieldSpec was = e.getValue()[0];
                FieldSpec now = e.getValue()[1];
                // A new type may need the other kind of key (an integer's key has no trailing spaces to keep).
                boolean rekeyed = was.unique() && now.unique() && was.type() != now.type() && exact.containsKey(name) != exactKey(now.type());
                if (was.unique() && (!now.unique() || rekeyed)) {
                    String[] key = exact.remove(name);
                    add(key != null ? d.dropExactUnique(table, key[0], key[1]) : d.dropUnique(table, e.getKey(), snapshot.uniqueNames().get(e.getKey())));
                }
                if (was.type() != now.type()) {
                    d.changeColumnType(table, name, was.type(), now.type(), !was.allowNull()).forEach(this::add);
                }
                if (was.allowNull() && !now.allowNull()) {
                    if (now.defaultValue() != null) {
                        statements.add(new SqlStatement("UPDATE " + q(table) + " SET " + q(name) + " = " + d.placeholder(now.type()) + " WHERE "
                                + q(name) + " IS NULL", List.of(defaultValue(name, now))));
                    }
                    add(d.alterSetNotNull(table, name, now.type()));
                } else if (!was.allowNull() && now.allowNull()) {
                    add(d.alterDropNotNull(table, name, now.type()));
                }
                if ((!was.unique() || rekeyed) && now.unique()) {
                    addUnique(name, now.type());
                }
                if (relinked(e.getValue())) {
                    add("ALTER TABLE " + q(table) + " ADD " + TableDdl.foreignKeySql(d, table, name, now.references()));
                }
            }
            for (Map.Entry<String, FieldSpec> e : added.entrySet()) {
                String name = e.getKey();
                FieldSpec f = e.getValue();
                add("ALTER TABLE " + q(table) + " ADD COLUMN " + q(name) + " " + d.columnType(f.type()));
                if (f.defaultValue() != null && snapshot.rows() > 0) {
                    statements.add(new SqlStatement("UPDATE " + q(table) + " SET " + q(name) + " = " + d.placeholder(f.type()),
                            List.of(defaultValue(name, f))));
                }
                if (!f.allowNull()) {
                    add(d.alterSetNotNull(table, name, f.type()));
                }
                if (f.unique()) {
                    addUnique(name, f.type());
                }
                if (f.references() != null) {
                    add("ALTER TABLE " + q(table) + " ADD " + TableDdl.foreignKeySql(d, table, name, f.references()));
                }
            }
        }

        /**
         * Whether a unique field of {@code type} gets the dialect's exact key (decision 0050): in the
         * tables the workbench made; other tools' tables keep their collation's rule.
         */
        private boolean exactKey(LogicalType type) {
            return snapshot.schema().managed() && d.uniqueNeedsExactKey(type);
        }

        private void addUnique(String name, LogicalType type) {
            if (exactKey(type)) {
                d.addUnique(table, name, type).forEach(this::add);
            } else {
                add("ALTER TABLE " + q(table) + " ADD UNIQUE (" + q(name) + ")");
            }
        }

        /** Renames a column, with its exact unique key if it has one ({@code exact}, which follows the new names). */
        private void renameColumn(String from, String to, Map<String, String[]> exact) {
            String[] key = exact.remove(from);
            if (key == null) {
                add(d.renameColumn(table, from, to));
                return;
            }
            d.renameExactUnique(table, from, to, key[0], key[1]).forEach(this::add);
            String column = InternalNames.exactKeyColumn(to);
            exact.put(to, new String[]{column, InternalNames.exactKeyColumn(from).equals(key[1]) ? column : key[1]});
        }

        private Session.TypedValue defaultValue(String name, FieldSpec f) {
            return new Session.TypedValue(f.type(), f.storedDefault(name, Instant.now()));
        }

        private void rebuild(Map<String, FieldSpec> cur, Map<String, FieldSpec> finalFields, List<String> dropped, Map<String, String> renamed,
                             Map<String, FieldSpec[]> changed) {
            before.add(SqlStatement.of("PRAGMA foreign_keys = OFF"));
            Set<String> gone = new HashSet<>(dropped);
            gone.addAll(renamed.keySet());
            for (TableSnapshot.Dependent v : snapshot.views()) {
                requireUntouched(v, gone);
                add("DROP VIEW " + q(v.name()));
            }
            String temp = "__tw_new_" + table;
            if (temp.length() > 63) {
                temp = "__tw_new_" + Integer.toHexString(table.hashCode());
            }
            add(TableDdl.createTableSql(d, temp, table, finalFields));
            Map<String, String> origins = new HashMap<>();
            design.fields().forEach(f -> {
                if (f.original() != null) {
                    origins.put(f.name(), f.original());
                }
            });
            List<String> columns = new ArrayList<>();
            List<String> values = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            for (Map.Entry<String, FieldSpec> e : finalFields.entrySet()) {
                String name = e.getKey();
                FieldSpec now = e.getValue();
                String orig = origins.get(name);
                if (orig == null) {
                    if (now.defaultValue() != null) {
                        columns.add(q(name));
                        values.add(d.placeholder(now.type()));
                        params.add(defaultValue(name, now));
                    }
                    continue;
                }
                FieldSpec was = cur.get(orig);
                String value = was.type() == now.type() ? q(orig) : d.convertedValue(q(orig), was.type(), now.type());
                if (was.allowNull() && !now.allowNull() && now.defaultValue() != null) {
                    value = "COALESCE(" + value + ", " + d.placeholder(now.type()) + ")";
                    params.add(defaultValue(name, now));
                }
                columns.add(q(name));
                values.add(value);
            }
            statements.add(new SqlStatement("INSERT INTO " + q(temp) + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
                    + " FROM " + q(table), params));
            add("DROP TABLE " + q(table));
            add("ALTER TABLE " + q(temp) + " RENAME TO " + q(table));
            Set<String> noLongerUnique = new HashSet<>();
            changed.forEach((orig, p) -> {
                if (p[0].unique() && !p[1].unique()) {
                    noLongerUnique.add(orig);
                }
            });
            for (TableSnapshot.Dependent dep : snapshot.dependents()) {
                if (dep.type().equals("index")) {
                    if (dep.columns().stream().anyMatch(dropped::contains)) {
                        summary.add("Drop index '" + dep.name() + "' with the field it covers.");
                        continue;
                    }
                    if (dep.columns().size() == 1 && noLongerUnique.contains(dep.columns().get(0)) && dep.sql().toUpperCase(Locale.ROOT).contains("UNIQUE")) {
                        continue;
                    }
                    String sql = dep.sql();
                    for (String col : dep.columns()) {
                        if (renamed.containsKey(col)) {
                            if (!sql.contains(q(col))) {
                                throw new UnsupportedChangeException(renamed.get(col), "Index '" + dep.name() + "' names field '" + col
                                        + "' in a way the workbench cannot rewrite; drop the index before renaming the field.");
                            }
                            sql = sql.replace(q(col), q(renamed.get(col)));
                        }
                    }
                    add(sql);
                } else {
                    requireUntouched(dep, gone);
                    add(dep.sql());
                }
            }
            snapshot.views().forEach(v -> add(v.sql()));
            check = SqlStatement.of("PRAGMA foreign_key_check");
            after.add(SqlStatement.of("PRAGMA foreign_keys = ON"));
        }

        /** A trigger or view that names a dropped or renamed field would break; the user changes it first. */
        private void requireUntouched(TableSnapshot.Dependent dep, Set<String> gone) {
            if (dep.type().equals("view") && !mentions(dep.sql(), table)) {
                return;
            }
            for (String col : gone) {
                if (mentions(dep.sql(), col)) {
                    throw new UnsupportedChangeException(col, "The " + dep.type() + " '" + dep.name() + "' uses field '" + col
                            + "'; change or drop it before renaming or dropping the field.");
                }
            }
        }

        private static boolean mentions(String sql, String word) {
            return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(word) + "(?![A-Za-z0-9_])", Pattern.CASE_INSENSITIVE).matcher(sql).find();
        }

        // --- checks ---

        private static boolean sameLogical(FieldSpec a, FieldSpec b) {
            return a.type() == b.type() && a.unique() == b.unique() && a.allowNull() == b.allowNull()
                    && sameDefault(a, b);
        }

        /** Defaults read back from the stored JSON may be Integer where the design has Long. */
        private static boolean sameDefault(FieldSpec a, FieldSpec b) {
            return Objects.equals(Json.normalize(a.defaultValue()), Json.normalize(b.defaultValue()));
        }

        /** Rules of a field's definition; a field kept as it was is not held to rules it never had to meet. */
        private void checkField(String name, FieldSpec spec, FieldSpec was, boolean newName) {
            if (was == null || newName) {
                Names.requireValidNew("field", name);
            }
            boolean changedKeying = was == null || was.unique() != spec.unique() || was.type() != spec.type();
            if (spec.autoIncrement() && (spec.type() != LogicalType.INTEGER || !spec.primaryKey())) {
                throw new UnsupportedChangeException(name, "'" + name + "': autoIncrement applies to an integer primary key only.");
            }
            if (changedKeying && spec.unique() && !spec.primaryKey() && NOT_KEYABLE.contains(spec.type())) {
                throw new UnsupportedChangeException(name, "'" + name + "': a " + spec.type().id()
                        + " field cannot be unique; use a string field (up to " + Values.STRING_MAX + " characters).");
            }
            if (was == null && spec.primaryKey() && NOT_KEYABLE.contains(spec.type())) {
                throw new UnsupportedChangeException(name, "'" + name + "': a " + spec.type().id() + " field cannot be the primary key.");
            }
            boolean defaultChanged = was == null || !sameDefault(was, spec) || was.type() != spec.type();
            if (defaultChanged && spec.defaultValue() != null && !spec.defaultsToNow()) {
                Values.coerce(name, spec.type(), spec.defaultValue());
            }
        }

        private void checkKeptField(String name, FieldSpec was, FieldSpec now, boolean renamedField) {
            if (was.primaryKey() != now.primaryKey()) {
                throw new UnsupportedChangeException(name, "The primary key of an existing table cannot be changed ('" + name + "').");
            }
            if (was.autoIncrement() != now.autoIncrement()) {
                throw new UnsupportedChangeException(name, "Auto-increment of an existing field cannot be switched ('" + name + "').");
            }
            // A design may unlink a field (the diagram removing a relationship but keeping the field); only relationships link one.
            if (!keysMayChange && !Objects.equals(was.references(), now.references()) && now.references() != null) {
                throw new UnsupportedChangeException(name, "Foreign keys are changed through relationships, not in the field's definition ('" + name + "').");
            }
            if (was.auto() && (renamedField || !sameLogical(was, now))) {
                throw new UnsupportedChangeException(name, "'" + name + "' is an automatic field of the workbench; it stays as it is.");
            }
            if (was.type() != now.type()) {
                if (was.primaryKey()) {
                    throw new UnsupportedChangeException(name, "The type of the primary key cannot be changed ('" + name + "').");
                }
                if (d.convertedValue(q(name), was.type(), now.type()) == null) {
                    throw new UnsupportedChangeException(name, "A " + was.type().id() + " field cannot become " + now.type().id() + " ('" + name
                            + "'). Add a new field of that type, fill it, then drop the old one.");
                }
            }
        }

        private static void checkNoTwins(Collection<String> names) {
            Map<String, String> seen = new HashMap<>();
            for (String n : names) {
                String twin = seen.putIfAbsent(n.toLowerCase(Locale.ROOT), n);
                if (twin != null) {
                    throw new TablewrightException(ErrorCode.INVALID_NAME, "The field name '" + n + "' differs from '" + twin
                            + "' only in case; SQLite and MySQL treat them as one name, so pick another.");
                }
            }
        }
    }
}
