package dev.tablewright.core.query;

import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * autoJoin (contract section 6): each foreign key {@code xId} of the rows adds the parent row under
 * {@code x}; each many-to-many relation adds the related rows as an array under the other table's
 * name. One query per relation per page, never one per row.
 */
final class AutoJoin {
    private static final int CHUNK = 500;

    private final TableData data;
    private final Connection connection;
    private final DateTimeFormatter dates;

    AutoJoin(TableData data, Connection connection, DateTimeFormatter dates) {
        this.data = data;
        this.connection = connection;
        this.dates = dates;
    }

    private String q(String name) {
        return data.session().dialect().quoteIdentifier(name);
    }

    /**
     * One key autoJoin can add to a table's rows, with the column its rows need for it: a parent
     * row under a foreign key's nested key ({@code company} needs {@code companyId}, {@code parent}
     * set), or a many-to-many relation's rows under the other table's name (needs the primary key,
     * {@code junction} set).
     */
    record Join(String key, String column, FieldSpec.Reference parent, String junction) {
    }

    /**
     * Adds the related rows under their keys; {@code wanted} names the keys to add (those asked for
     * in {@code fields}), or is null for every one.
     */
    void apply(TableSchema schema, List<Map<String, Object>> rows, Set<String> wanted) throws SQLException {
        Set<String> present = rows.get(0).keySet();
        for (Join join : keys(schema).values()) {
            if (!present.contains(join.column()) || wanted != null && !wanted.contains(join.key())) {
                continue;
            }
            if (join.parent() != null) {
                parents(rows, join.column(), join.key(), join.parent());
            } else {
                related(rows, schema, join.key(), join.junction());
            }
        }
    }

    /** Every key autoJoin can add to the table's rows, by key: foreign keys first, then many-to-many relations. */
    static Map<String, Join> keys(TableSchema schema) {
        Map<String, Join> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(schema.fields().keySet());
        for (Map.Entry<String, FieldSpec> e : schema.fields().entrySet()) {
            String key = nestedKey(e.getKey());
            if (e.getValue().references() != null && key != null && taken.add(key)) {
                out.put(key, new Join(key, e.getKey(), e.getValue().references(), null));
            }
        }
        if (schema.primaryKey().size() == 1) {
            for (Map<String, Object> rel : schema.relationships()) {
                String table = (String) rel.get("table");
                if ("manyToMany".equals(rel.get("type")) && taken.add(table)) {
                    out.put(table, new Join(table, schema.primaryKey().get(0), null, (String) rel.get("through")));
                }
            }
        }
        return out;
    }

    /** {@code ownerId} → owner, {@code artist_id} → artist; null when the name has no such suffix. */
    static String nestedKey(String field) {
        if (field.length() > 2 && field.endsWith("Id")) {
            return field.substring(0, field.length() - 2);
        }
        if (field.length() > 3 && field.toLowerCase(Locale.ROOT).endsWith("_id")) {
            return field.substring(0, field.length() - 3);
        }
        return null;
    }

    private void parents(List<Map<String, Object>> rows, String field, String key, FieldSpec.Reference ref) throws SQLException {
        TableSchema parent = data.schemas().require(ref.table());
        FieldSpec target = parent.fields().get(ref.field());
        Map<Object, Map<String, Object>> byKey = new HashMap<>();
        List<Object> ids = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(r -> r.get(field)).filter(Objects::nonNull).toList()));
        List<String> columns = new ArrayList<>(parent.fields().keySet());
        for (List<Object> chunk : chunks(ids)) {
            SqlStatement.Builder sql = new SqlStatement.Builder().sql("SELECT ")
                    .sql(String.join(", ", columns.stream().map(this::q).toList())).sql(" FROM ").sql(q(parent.name()))
                    .sql(" WHERE ").sql(q(ref.field())).sql(" IN (");
            appendValues(sql, target.type(), chunk);
            for (Map<String, Object> row : data.fetch(connection, sql.sql(")").build(), parent, columns, dates)) {
                byKey.put(row.get(ref.field()), row);
            }
        }
        for (Map<String, Object> row : rows) {
            Map<String, Object> p = byKey.get(row.get(field));
            row.put(key, p == null ? null : new LinkedHashMap<>(p));
        }
    }

    private void related(List<Map<String, Object>> rows, TableSchema schema, String otherTable, String junction) throws SQLException {
        TableSchema other = data.schemas().require(otherTable);
        String pk = schema.primaryKey().get(0);
        String thisField = Names.foreignKeyField(schema.name(), null);
        String otherField = Names.foreignKeyField(otherTable, null);
        if (other.primaryKey().size() != 1) {
            return;
        }
        String otherPk = other.primaryKey().get(0);
        List<String> keys = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        keys.add("__owner");
        types.add(schema.fields().get(pk).type());
        StringBuilder select = new StringBuilder("j.").append(q(thisField));
        for (Map.Entry<String, FieldSpec> f : other.fields().entrySet()) {
            keys.add(f.getKey());
            types.add(f.getValue().type());
            select.append(", o.").append(q(f.getKey()));
        }
        Map<Object, List<Map<String, Object>>> byOwner = new HashMap<>();
        List<Object> ids = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(r -> r.get(pk)).filter(Objects::nonNull).toList()));
        for (List<Object> chunk : chunks(ids)) {
            SqlStatement.Builder sql = new SqlStatement.Builder().sql("SELECT ").sql(select.toString()).sql(" FROM ").sql(q(junction))
                    .sql(" j JOIN ").sql(q(otherTable)).sql(" o ON o.").sql(q(otherPk)).sql(" = j.").sql(q(otherField))
                    .sql(" WHERE j.").sql(q(thisField)).sql(" IN (");
            appendValues(sql, schema.fields().get(pk).type(), chunk);
            sql.sql(") ORDER BY o.").sql(q(otherPk));
            for (Map<String, Object> row : data.fetchTyped(connection, sql.build(), keys, types, dates)) {
                Object owner = row.remove("__owner");
                byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(row);
            }
        }
        for (Map<String, Object> row : rows) {
            row.put(otherTable, byOwner.getOrDefault(row.get(pk), List.of()));
        }
    }

    private void appendValues(SqlStatement.Builder sql, LogicalType type, List<Object> values) {
        String placeholder = data.session().dialect().placeholder(type);
        for (int i = 0; i < values.size(); i++) {
            sql.sql(i == 0 ? "" : ", ").param(placeholder, new Session.TypedValue(type, values.get(i)));
        }
    }

    private static List<List<Object>> chunks(List<Object> ids) {
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return out;
    }
}
