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

    public Relations(Session session, SchemaManager schemas) {
        this.session = session;
        this.dialect = session.dialect();
        this.schemas = schemas;
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

    private String hasOne(String childTable, String parentTable, String role, boolean mandatory) {
        if (role != null && !role.isEmpty() && !ROLE.matcher(role).matches()) {
            throw new TablewrightException(ErrorCode.INVALID_NAME, "The role '" + Names.printable(role)
                    + "' must be PascalCase letters and digits, e.g. Owner or Editor.");
        }
        TableSchema child = schemas.require(childTable);
        TableSchema parent = schemas.require(parentTable);
        FieldSpec parentKey = singleKey(parent);
        String field = Names.foreignKeyField(parentTable, role);
        Names.requireValidNew("field", field);
        FieldSpec.Reference ref = new FieldSpec.Reference(parentTable, parent.primaryKey().get(0), mandatory ? MANDATORY_ON_DELETE : OPTIONAL_ON_DELETE);
        FieldSpec spec = new FieldSpec(parentKey.type(), false, false, !mandatory, null, false, false, ref, null);
        FieldSpec existing = child.fields().get(field);
        long rows = count(childTable, null);
        if (existing != null) {
            if (existing.references() == null || !existing.references().table().equals(parentTable)) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Table '" + childTable + "' already has a field '" + field
                        + "' that is not a link to '" + parentTable + "'; give the relationship a role to name it differently.");
            }
            if (mandatory && existing.allowNull()) {
                long orphans = count(childTable, field);
                if (orphans > 0) {
                    throw lackParent(childTable, parentTable, field, orphans);
                }
                schemas.tightenField(childTable, field, spec);
            }
            return field;
        }
        if (mandatory && rows > 0) {
            throw lackParent(childTable, parentTable, field, rows);
        }
        schemas.addField(childTable, field, spec);
        return field;
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

    /** Many-to-many: a hidden junction table {@code __<child>2<parent>}; returns its name. */
    public String optionallyHasMany(String childTable, String parentTable) {
        TableSchema child = schemas.require(childTable);
        TableSchema parent = schemas.require(parentTable);
        if (childTable.equals(parentTable)) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "A many-to-many relation links two different tables.");
        }
        Optional<Junction> existing = junction(childTable, parentTable);
        if (existing.isPresent()) {
            return existing.get().table();
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
        schemas.createInternal(name, fields);
        schemas.invalidate();
        return name;
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
