package dev.tablewright.core.relation;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.base.Values;
import dev.tablewright.core.connect.Session.TypedValue;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.SchemaManager;
import dev.tablewright.core.schema.TableChangePlan;
import dev.tablewright.core.schema.TableChanges;
import dev.tablewright.core.schema.TableDesign;
import dev.tablewright.core.schema.TableSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Relationships between tables: foreign keys for one-to-many (optional: ON DELETE SET NULL;
 * mandatory: ON DELETE RESTRICT), hidden junction tables for many-to-many (ON DELETE CASCADE on
 * both sides), and linking rows through either.
 */
public final class Relations {
    public static final String OPTIONAL_ON_DELETE = "SET NULL";
    public static final String MANDATORY_ON_DELETE = "RESTRICT";
    public static final String JUNCTION_ON_DELETE = "CASCADE";
    private static final Pattern ROLE = Pattern.compile("[A-Z][A-Za-z0-9]{0,59}");

    private final Session session;
    private final Dialect dialect;
    private final SchemaManager schemas;
    private final TableChanges changes;

    /** The kinds of relationship the diagram draws. */
    public enum Kind {
        OPTIONAL, MANDATORY, MANY_TO_MANY;

        /** {@code optional}, {@code mandatory} or {@code manyToMany}, as call files and the app name them. */
        public static Kind parse(String name) {
            if (name != null) {
                switch (name) {
                    case "optional", "optionallyHasOne" -> {
                        return OPTIONAL;
                    }
                    case "mandatory", "mandatorilyHasOne" -> {
                        return MANDATORY;
                    }
                    case "manyToMany", "optionallyHasMany" -> {
                        return MANY_TO_MANY;
                    }
                    default -> {
                    }
                }
            }
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "The kind of relationship must be optional, mandatory or manyToMany, not '"
                    + Names.printable(String.valueOf(name)) + "'.");
        }
    }

    public Relations(Session session, SchemaManager schemas) {
        this.session = session;
        this.dialect = session.dialect();
        this.schemas = schemas;
        this.changes = new TableChanges(session, schemas);
    }

    private String q(String name) {
        return dialect.quoteIdentifier(name);
    }

    /** A child has zero or one parent: a nullable foreign key; returns its name (e.g. categoryId). */
    public String optionallyHasOne(String childTable, String parentTable, String role) {
        return hasOne(childTable, parentTable, role, false);
    }

    /** A child has exactly one parent: a NOT NULL foreign key; returns its name. */
    public String mandatorilyHasOne(String childTable, String parentTable, String role) {
        return hasOne(childTable, parentTable, role, true);
    }

    /** A foreign key about to be added: its name, its definition, and the design of the child with it. */
    private record NewKey(String field, FieldSpec spec, FieldSpec existing, TableDesign design) {
    }

    /** Checks what the relationship needs (refusing as the call itself would) and designs the child with its new key. */
    private NewKey newKey(String childTable, String parentTable, String role, boolean mandatory) {
        boolean hasRole = role != null && !role.isEmpty();
        if (hasRole && !ROLE.matcher(role).matches()) {
            throw new TablewrightException(ErrorCode.INVALID_NAME, "The role '" + Names.printable(role)
                    + "' must be PascalCase letters and digits, e.g. Owner or Editor.");
        }
        TableSchema child = schemas.require(childTable);
        TableSchema parent = schemas.require(parentTable);
        if (childTable.equals(parentTable) && !hasRole) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "A table linked to itself needs a role that names the link, e.g. Manager"
                    + " for managerId; without one the field would be named after the table itself.");
        }
        FieldSpec parentKey = singleKey(parent);
        String field = Names.foreignKeyField(parentTable, role);
        Names.requireValidNew("field", field);
        FieldSpec.Reference ref = new FieldSpec.Reference(parentTable, parent.primaryKey().get(0), mandatory ? MANDATORY_ON_DELETE : OPTIONAL_ON_DELETE);
        FieldSpec spec = new FieldSpec(parentKey.type(), false, false, !mandatory, null, false, false, ref, null);
        FieldSpec existing = child.fields().get(field);
        if (existing != null && (existing.references() == null || !existing.references().table().equals(parentTable))) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Table '" + childTable + "' already has a field '" + field
                    + "' that is not a link to '" + parentTable + "'; give the relationship a role to name it differently.");
        }
        if (existing == null) {
            requireRebuildable(child, "add a foreign key to");
        }
        if (existing == null && mandatory) {
            long rows = count(childTable, null);
            if (rows > 0) {
                throw lackParent(childTable, parentTable, field, rows);
            }
        }
        List<TableDesign.Field> fields = new ArrayList<>(TableDesign.of(child).fields());
        fields.add(TableDesign.Field.added(field, spec));
        return new NewKey(field, spec, existing, TableDesign.of(child).withFields(fields));
    }

    private String hasOne(String childTable, String parentTable, String role, boolean mandatory) {
        NewKey key = newKey(childTable, parentTable, role, mandatory);
        String field = key.field();
        FieldSpec spec = key.spec();
        FieldSpec existing = key.existing();
        if (existing != null) {
            if (mandatory && existing.allowNull()) {
                long orphans = count(childTable, field);
                if (orphans > 0) {
                    throw lackParent(childTable, parentTable, field, orphans);
                }
                schemas.tightenField(childTable, field, spec);
            }
            return field;
        }
        try {
            changes.apply(key.design(), false);
        } finally {
            schemas.invalidate();
        }
        return field;
    }

    /**
     * What {@code optionallyHasOne}, {@code mandatorilyHasOne} or {@code optionallyHasMany} would do,
     * without doing it; refused with the same error the call would give.
     */
    public RelationshipPlan plan(String childTable, String parentTable, Kind kind, String role) {
        if (kind == Kind.MANY_TO_MANY) {
            JunctionDesign j = junctionDesign(childTable, parentTable);
            if (j.existing() != null) {
                return new RelationshipPlan(j.existing(), List.of(), TableChangePlan.none(j.existing(), dialect.name(),
                        "'" + childTable + "' and '" + parentTable + "' are linked many-to-many already (" + j.existing() + ")."));
            }
            return new RelationshipPlan(j.name(), j.fields().keySet().stream().map(f -> TableChanges.foreignKeyName(j.name(), f)).toList(),
                    changes.planInternal(j.name(), j.fields(), List.of("Create the hidden junction table '" + j.name() + "' linking '"
                            + childTable + "' and '" + parentTable + "' (each link deleted with either row).")));
        }
        NewKey key = newKey(childTable, parentTable, role, kind == Kind.MANDATORY);
        String constraint = TableChanges.foreignKeyName(childTable, key.field());
        if (key.existing() != null) {
            if (kind == Kind.MANDATORY && key.existing().allowNull()) {
                long orphans = count(childTable, key.field());
                if (orphans > 0) {
                    throw lackParent(childTable, parentTable, key.field(), orphans);
                }
                return new RelationshipPlan(key.field(), List.of(constraint), TableChangePlan.none(childTable, dialect.name(),
                        "'" + key.field() + "' exists as an optional link; it becomes mandatory (NOT NULL, ON DELETE RESTRICT)."));
            }
            return new RelationshipPlan(key.field(), List.of(constraint), TableChangePlan.none(childTable, dialect.name(),
                    "'" + childTable + "." + key.field() + "' links to '" + parentTable + "' already."));
        }
        return new RelationshipPlan(key.field(), List.of(constraint), changes.plan(key.design()));
    }

    // --- removing ---

    /** The relationship {@link #remove} would remove: a junction, or a foreign-key field of the child. */
    private record Found(Junction junction, TableSchema child, String field) {
    }

    private Found find(String childTable, String parentTable, String role) {
        TableSchema child = schemas.require(childTable);
        schemas.require(parentTable);
        boolean hasRole = role != null && !role.isEmpty();
        List<String> links = child.fields().entrySet().stream()
                .filter(e -> e.getValue().references() != null && e.getValue().references().table().equals(parentTable))
                .map(Map.Entry::getKey).toList();
        if (hasRole) {
            String named = Names.foreignKeyField(parentTable, role);
            for (String f : links) {
                if (f.equals(role) || f.equals(named)) {
                    return new Found(null, child, f);
                }
            }
            throw new TablewrightException(ErrorCode.NOT_FOUND, "'" + childTable + "' has no link to '" + parentTable + "' in the role '"
                    + Names.printable(role) + "'" + (links.isEmpty() ? "." : "; its links to it are " + links + "."));
        }
        String preferred = Names.foreignKeyField(parentTable, null);
        if (links.contains(preferred)) {
            return new Found(null, child, preferred);
        }
        if (links.size() == 1) {
            return new Found(null, child, links.get(0));
        }
        if (links.size() > 1) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'" + childTable + "' links to '" + parentTable + "' in several roles "
                    + links + "; name the one to remove with role.");
        }
        Optional<Junction> junction = junction(childTable, parentTable);
        if (junction.isPresent()) {
            return new Found(junction.get(), child, null);
        }
        throw new TablewrightException(ErrorCode.NOT_FOUND, "There is no relationship between '" + childTable + "' and '" + parentTable + "' to remove.");
    }

    /**
     * SQLite changes a table's foreign keys only by rebuilding it, which the workbench does only for
     * tables it created; say so in the terms of the relationship, before the planner does in a designer's.
     */
    private void requireRebuildable(TableSchema table, String what) {
        if (!dialect.supportsAlterAddConstraint() && !table.managed()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "SQLite can " + what + " '" + table.name() + "' only by rebuilding it,"
                    + " and Tablewright rebuilds only tables it created (a rebuild would lose this table's own column types and constraints)."
                    + " Link tables the workbench created, or make this change with the tool that made '" + table.name() + "'.");
        }
    }

    private TableDesign withoutLink(Found found, boolean keepField) {
        requireRebuildable(found.child(), "remove a foreign key from");
        List<TableDesign.Field> fields = new ArrayList<>();
        for (TableDesign.Field f : TableDesign.of(found.child()).fields()) {
            if (!f.name().equals(found.field())) {
                fields.add(f);
            } else if (keepField) {
                fields.add(new TableDesign.Field(f.name(), f.original(), f.spec().withReferences(null)));
            }
        }
        return TableDesign.of(found.child()).withFields(fields);
    }

    /** What {@link #remove} would do, without doing it. */
    public RelationshipPlan planRemoval(String childTable, String parentTable, String role, boolean keepField) {
        Found found = find(childTable, parentTable, role);
        if (found.junction() != null) {
            String j = found.junction().table();
            return new RelationshipPlan(j, List.of(), changes.planDropInternal(j, List.of("Drop the junction table '" + j
                    + "' and every link between '" + childTable + "' and '" + parentTable + "'.")));
        }
        return new RelationshipPlan(found.field(), List.of(foreignKeyName(childTable, found.field())),
                changes.plan(withoutLink(found, keepField)));
    }

    /**
     * Removes a relationship (CONNECTOR.md 10.2): a many-to-many junction with its links, or a foreign
     * key with its field (kept as a plain field with its values when {@code keepField}). Returns the
     * junction's or the field's name.
     */
    public String remove(String childTable, String parentTable, String role, boolean keepField) {
        Found found = find(childTable, parentTable, role);
        try {
            if (found.junction() != null) {
                schemas.drop(found.junction().table());
                return found.junction().table();
            }
            changes.apply(withoutLink(found, keepField), !keepField);
            return found.field();
        } finally {
            schemas.invalidate();
        }
    }

    /** The name the database has for the foreign key of {@code field}. */
    private String foreignKeyName(String table, String field) {
        return session.withConnection(c -> {
            try (ResultSet rs = c.getMetaData().getImportedKeys(dialect.metaCatalog(c), dialect.metaSchema(c), table)) {
                while (rs.next()) {
                    if (field.equals(rs.getString("FKCOLUMN_NAME")) && rs.getString("FK_NAME") != null) {
                        return rs.getString("FK_NAME");
                    }
                }
            }
            return TableChanges.foreignKeyName(table, field);
        });
    }

    private static TablewrightException lackParent(String child, String parent, String field, long rows) {
        return new TablewrightException(ErrorCode.INVALID_ARGUMENT, rows + " row" + (rows == 1 ? "" : "s") + " of '" + child + "' "
                + (rows == 1 ? "has" : "have") + " no " + field + ", so '" + child + "' cannot mandatorily have one '" + parent
                + "' yet. Add the relationship as optional (optionallyHasOne), fill " + field
                + " for every row, then call mandatorilyHasOne again to make it mandatory. Nothing was changed.");
    }

    private FieldSpec singleKey(TableSchema parent) {
        if (parent.primaryKey().size() != 1) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Table '" + parent.name() + "' needs a single-field primary key to be linked to.");
        }
        return parent.fields().get(parent.primaryKey().get(0));
    }

    /** Rows of the table, or rows whose {@code nullField} is null. */
    private long count(String table, String nullField) {
        return session.withConnection(c -> {
            String sql = "SELECT COUNT(*) FROM " + q(table) + (nullField == null ? "" : " WHERE " + q(nullField) + " IS NULL");
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The junction a many-to-many relation needs: its name and fields, or the one that exists. */
    private record JunctionDesign(String name, Map<String, FieldSpec> fields, String existing) {
    }

    private JunctionDesign junctionDesign(String childTable, String parentTable) {
        TableSchema child = schemas.require(childTable);
        TableSchema parent = schemas.require(parentTable);
        if (childTable.equals(parentTable)) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "A many-to-many relation links two different tables; a table linked to"
                    + " itself many-to-many is not supported yet. Link it optionally to itself with a role (optionallyHasOne with e.g. Manager),"
                    + " or create a table of pairs with two links to it.");
        }
        Optional<Junction> existing = junction(childTable, parentTable);
        if (existing.isPresent()) {
            return new JunctionDesign(existing.get().table(), Map.of(), existing.get().table());
        }
        String name = InternalNames.junction(childTable, parentTable);
        if (name.length() > 63) {
            throw new TablewrightException(ErrorCode.INVALID_NAME, "The junction table name '" + name + "' would be longer than 63 characters; use shorter table names.");
        }
        String childField = Names.foreignKeyField(childTable, null);
        String parentField = Names.foreignKeyField(parentTable, null);
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        fields.put(childField, new FieldSpec(singleKey(child).type(), true, false, false, null, false, false,
                new FieldSpec.Reference(childTable, child.primaryKey().get(0), JUNCTION_ON_DELETE), null));
        fields.put(parentField, new FieldSpec(singleKey(parent).type(), true, false, false, null, false, false,
                new FieldSpec.Reference(parentTable, parent.primaryKey().get(0), JUNCTION_ON_DELETE), null));
        return new JunctionDesign(name, fields, null);
    }

    /** Many-to-many: a hidden junction table {@code __<child>2<parent>}; returns its name. */
    public String optionallyHasMany(String childTable, String parentTable) {
        JunctionDesign j = junctionDesign(childTable, parentTable);
        if (j.existing() != null) {
            return j.existing();
        }
        schemas.createInternal(j.name(), j.fields());
        schemas.invalidate();
        return j.name();
    }

    /** A junction between two tables, with the field that points at each. */
    public record Junction(String table, String leftTable, String leftField, String rightTable, String rightField) {
        String fieldFor(String t) {
            return t.equals(leftTable) ? leftField : rightField;
        }
    }

    public Optional<Junction> junction(String a, String b) {
        for (String name : List.of(InternalNames.junction(a, b), InternalNames.junction(b, a))) {
            if (schemas.exists(name)) {
                String[] sides = InternalNames.junctionSides(name).orElseThrow();
                return Optional.of(new Junction(name, sides[0], Names.foreignKeyField(sides[0], null), sides[1], Names.foreignKeyField(sides[1], null)));
            }
        }
        return Optional.empty();
    }

    /** Junctions the table takes part in, for autoJoin. */
    public List<Junction> junctionsOf(String table) {
        List<Junction> out = new ArrayList<>();
        for (Map<String, Object> rel : schemas.require(table).relationships()) {
            if ("manyToMany".equals(rel.get("type"))) {
                junction(table, (String) rel.get("table")).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Links rows; returns the number of new links (links that exist are not made again). */
    public int associate(String sourceTable, Object sourceId, String targetTable, Object targetIds) {
        return link(sourceTable, sourceId, targetTable, targetIds, true);
    }

    /** Removes links made by associate; returns the number removed. */
    public int dissociate(String sourceTable, Object sourceId, String targetTable, Object targetIds) {
        return link(sourceTable, sourceId, targetTable, targetIds, false);
    }

    private int link(String sourceTable, Object sourceId, String targetTable, Object targetIds, boolean add) {
        TableSchema source = schemas.require(sourceTable);
        TableSchema target = schemas.require(targetTable);
        List<?> targets = targetIds instanceof List<?> l ? l : Collections.singletonList(targetIds);
        if (targets.isEmpty() || targets.stream().anyMatch(Objects::isNull) || sourceId == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Give sourceId and targetId (one id or a list of ids).");
        }
        TypedValue sourceKey = key(source, sourceId);
        List<TypedValue> targetKeys = targets.stream().map(t -> key(target, t)).toList();
        Optional<Junction> junction = junction(sourceTable, targetTable);
        if (junction.isPresent()) {
            return manyToMany(junction.get(), source, sourceKey, target, targetKeys, add);
        }
        Optional<String> sourceFk = foreignKey(source, targetTable);
        if (sourceFk.isPresent()) {
            if (targetKeys.size() != 1) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "A row of '" + sourceTable + "' links to one '" + targetTable
                        + "' (field " + sourceFk.get() + "); give one targetId.");
            }
            return setForeignKey(source, sourceFk.get(), List.of(sourceKey), targetKeys.get(0), add);
        }
        Optional<String> targetFk = foreignKey(target, sourceTable);
        if (targetFk.isPresent()) {
            session.withConnection(c -> {
                requireExistsIn(c, source, sourceKey);
                return null;
            });
            return setForeignKey(target, targetFk.get(), targetKeys, sourceKey, add);
        }
        throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "There is no relationship between '" + sourceTable + "' and '" + targetTable
                + "'. Define one with optionallyHasOne, mandatorilyHasOne or optionallyHasMany.");
    }

    private TypedValue key(TableSchema table, Object id) {
        FieldSpec spec = singleKey(table);
        String field = table.primaryKey().get(0);
        return new TypedValue(spec.type(), Values.coerce(field, spec.type(), id));
    }

    /** The foreign key of {@code child} to {@code parent}: the default-named one, or the only one. */
    private static Optional<String> foreignKey(TableSchema child, String parent) {
        List<String> candidates = child.fields().entrySet().stream()
                .filter(e -> e.getValue().references() != null && e.getValue().references().table().equals(parent))
                .map(Map.Entry::getKey).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        String preferred = Names.foreignKeyField(parent, null);
        if (candidates.contains(preferred)) {
            return Optional.of(preferred);
        }
        if (candidates.size() > 1) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'" + child.name() + "' links to '" + parent + "' in several roles "
                    + candidates + "; set the field you mean with changeRow.");
        }
        return Optional.of(candidates.get(0));
    }

    private int setForeignKey(TableSchema child, String field, List<TypedValue> childKeys, TypedValue parentKey, boolean add) {
        String pk = child.primaryKey().get(0);
        FieldSpec fk = child.fields().get(field);
        if (!add && !fk.allowNull()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'" + child.name() + "." + field + "' is mandatory; link the row to another parent, or delete it.");
        }
        return session.inWriteTransaction(child.name(), c -> {
            int changed = 0;
            for (TypedValue childKey : childKeys) {
                SqlStatement.Builder sql = new SqlStatement.Builder().sql("UPDATE ").sql(q(child.name())).sql(" SET ").sql(q(field)).sql(" = ");
                if (add) {
                    sql.param(dialect.placeholder(parentKey.type()), parentKey);
                } else {
                    sql.sql("NULL");
                }
                sql.sql(" WHERE ").sql(q(pk)).sql(" = ").param(dialect.placeholder(childKey.type()), childKey);
                if (add) {
                    sql.sql(" AND (").sql(q(field)).sql(" IS NULL OR ").sql(q(field)).sql(" <> ").param(dialect.placeholder(parentKey.type()), parentKey).sql(")");
                } else {
                    sql.sql(" AND ").sql(q(field)).sql(" = ").param(dialect.placeholder(parentKey.type()), parentKey);
                }
                int n = update(c, sql.build());
                if (n == 0 && add && !rowExists(c, child, childKey)) {
                    throw new TablewrightException(ErrorCode.NOT_FOUND, "No row of '" + child.name() + "' has the id " + childKey.value() + ".");
                }
                changed += n;
            }
            return changed;
        });
    }

    private boolean rowExists(Connection c, TableSchema table, TypedValue key) throws SQLException {
        try (PreparedStatement ps = session.prepare(c, new SqlStatement("SELECT 1 FROM " + q(table.name()) + " WHERE "
                + q(table.primaryKey().get(0)) + " = " + dialect.placeholder(key.type()), List.of(key))); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private int update(Connection c, SqlStatement statement) throws SQLException {
        try (PreparedStatement ps = session.prepare(c, statement)) {
            return ps.executeUpdate();
        }
    }

    private int manyToMany(Junction j, TableSchema source, TypedValue sourceKey, TableSchema target, List<TypedValue> targetKeys, boolean add) {
        String sourceField = j.fieldFor(source.name());
        String targetField = j.fieldFor(target.name());
        return session.inTransaction(c -> {
            if (add) {
                requireExistsIn(c, source, sourceKey);
            }
            int changed = 0;
            for (TypedValue targetKey : new LinkedHashSet<>(targetKeys)) {
                if (add) {
                    requireExistsIn(c, target, targetKey);
                    if (linked(c, j, sourceField, sourceKey, targetField, targetKey)) {
                        continue;
                    }
                    String sql = dialect.upsert(j.table(), List.of(sourceField, targetField), List.of(dialect.placeholder(sourceKey.type()),
                            dialect.placeholder(targetKey.type())), List.of(sourceField, targetField), List.of());
                    update(c, new SqlStatement(sql, List.of(sourceKey, targetKey)));
                    changed++;
                } else {
                    changed += update(c, new SqlStatement("DELETE FROM " + q(j.table()) + " WHERE " + q(sourceField) + " = "
                            + dialect.placeholder(sourceKey.type()) + " AND " + q(targetField) + " = " + dialect.placeholder(targetKey.type()),
                            List.of(sourceKey, targetKey)));
                }
            }
            return changed;
        });
    }

    private boolean linked(Connection c, Junction j, String sourceField, TypedValue sourceKey, String targetField, TypedValue targetKey) throws SQLException {
        try (PreparedStatement ps = session.prepare(c, new SqlStatement("SELECT 1 FROM " + q(j.table()) + " WHERE " + q(sourceField) + " = "
                + dialect.placeholder(sourceKey.type()) + " AND " + q(targetField) + " = " + dialect.placeholder(targetKey.type()),
                List.of(sourceKey, targetKey))); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private void requireExistsIn(Connection c, TableSchema table, TypedValue key) throws SQLException {
        if (!rowExists(c, table, key)) {
            throw new TablewrightException(ErrorCode.NOT_FOUND, "No row of '" + table.name() + "' has the id " + Names.printable(String.valueOf(key.value())) + ".");
        }
    }
}
