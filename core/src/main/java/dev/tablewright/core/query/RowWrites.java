package dev.tablewright.core.query;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.base.Values;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.connect.Session.TypedValue;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.schema.SchemaManager;
import dev.tablewright.core.schema.TableSchema;
import dev.tablewright.core.schema.FieldSpec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Writing one row at a time: addRow, upsert, updateRow / patchRow, deleteRow, clearTable, each in its own transaction. */
final class RowWrites {
    private final Session session;
    private final Dialect dialect;
    private final SchemaManager schemas;
    private final TableReads reads;

    RowWrites(Session session, SchemaManager schemas, TableReads reads) {
        this.session = session;
        this.dialect = session.dialect();
        this.schemas = schemas;
        this.reads = reads;
    }

    private String q(String name) {
        return dialect.quoteIdentifier(name);
    }

    /** Checks and converts a row's values; unknown fields are refused. */
    private Map<String, TypedValue> typed(TableSchema schema, Map<String, ?> data, String where) {
        Map<String, TypedValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : data.entrySet()) {
            FieldSpec spec = schema.fields().get(e.getKey());
            if (spec == null) {
                throw new TablewrightException(ErrorCode.UNKNOWN_FIELD, where + "table '" + schema.name() + "' has no field '" + Names.printable(e.getKey())
                        + "'. Its fields: " + String.join(", ", schema.fields().keySet()) + ". (defineTable adds fields.)");
            }
            try {
                out.put(e.getKey(), new TypedValue(spec.type(), Values.coerce(e.getKey(), spec.type(), e.getValue())));
            } catch (TablewrightException ex) {
                throw where.isEmpty() ? ex : new TablewrightException(ex.code(), where + ex.getMessage());
            }
        }
        return out;
    }

    /** The values of a new row: the given ones, then the automatic fields and defaults, in column order. */
    private Map<String, TypedValue> newRow(TableSchema schema, Map<String, ?> data, Instant now) {
        RowShape shape = new RowShape(schema, data.keySet(), "");
        Object[] values = shape.values(data, now, -1);
        Map<String, TypedValue> row = new LinkedHashMap<>();
        for (int k = 0; k < values.length; k++) {
            row.put(shape.columns.get(k), new TypedValue(shape.types.get(k), values[k]));
        }
        return row;
    }

    Map<String, Object> insert(String table, Map<String, ?> data) {
        TableSchema schema = schemas.require(table);
        Map<String, TypedValue> row = newRow(schema, requireData(data), RowShape.now());
        return session.inWriteTransaction(table, c -> {
            Map<String, TypedValue> key = insertOne(c, schema, row);
            return selectByKey(c, schema, key);
        });
    }

    private static Map<String, ?> requireData(Map<String, ?> data) {
        if (data == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "No data given: pass an object of field names and values.");
        }
        return data;
    }

    private Map<String, TypedValue> insertOne(Connection c, TableSchema schema, Map<String, TypedValue> row) throws SQLException {
        List<String> pk = schema.primaryKey();
        boolean keyKnown = !pk.isEmpty() && row.keySet().containsAll(pk);
        String sql = RowShape.insertSql(dialect, schema, row.keySet());
        if (keyKnown || pk.size() != 1) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                session.bindAll(ps, new ArrayList<>(row.values()));
                ps.executeUpdate();
            }
            Map<String, TypedValue> key = new LinkedHashMap<>();
            for (String k : pk.isEmpty() ? row.keySet() : pk) {
                key.put(k, row.get(k));
            }
            return key;
        }
        String pkName = pk.get(0);
        LogicalType pkType = schema.fields().get(pkName).type();
        Object generated;
        if (dialect.supportsReturning()) {
            try (PreparedStatement ps = c.prepareStatement(sql + " RETURNING " + q(pkName))) {
                session.bindAll(ps, new ArrayList<>(row.values()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    generated = dialect.read(rs, 1, pkType);
                }
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                session.bindAll(ps, new ArrayList<>(row.values()));
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    generated = rs.getLong(1);
                }
            }
        }
        return Map.of(pkName, new TypedValue(pkType, generated));
    }

    private Map<String, Object> selectByKey(Connection c, TableSchema schema, Map<String, TypedValue> key) throws SQLException {
        List<String> columns = new ArrayList<>(schema.fields().keySet());
        SqlStatement.Builder sql = new SqlStatement.Builder().sql("SELECT ")
                .sql(String.join(", ", columns.stream().map(this::q).toList())).sql(" FROM ").sql(q(schema.name())).sql(" WHERE ");
        appendKey(sql, key);
        List<Map<String, Object>> rows = reads.fetch(c, sql.build(), schema, columns, null);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void appendKey(SqlStatement.Builder sql, Map<String, TypedValue> key) {
        int i = 0;
        for (Map.Entry<String, TypedValue> k : key.entrySet()) {
            sql.sql(i++ == 0 ? "" : " AND ").sql(q(k.getKey()));
            if (k.getValue().value() == null) {
                sql.sql(" IS NULL");
            } else {
                sql.sql(" = ").param(dialect.placeholder(k.getValue().type()), k.getValue());
                if (dialect.padsTrailingSpaces() && k.getValue().type().isTextual()) {
                    // The plain comparison finds the row through the key; this one tells 'x ' from 'x' (decisions 0045, 0050).
                    sql.sql(" AND ").sql(dialect.unpadded(q(k.getKey()))).sql(" = ")
                            .param("?", new TypedValue(LogicalType.STRING, dialect.unpaddedValue(String.valueOf(k.getValue().value()))));
                }
            }
        }
    }

    /** Atomic insert-or-update on the primary key, or on {@code uniqueKey}'s unique field(s). */
    Map<String, Object> upsert(String table, Map<String, ?> data, Map<String, ?> uniqueKey) {
        TableSchema schema = schemas.require(table);
        Map<String, Object> all = new LinkedHashMap<>(requireData(data));
        List<String> keyColumns;
        if (uniqueKey != null && !uniqueKey.isEmpty()) {
            all.putAll(uniqueKey);
            keyColumns = new ArrayList<>(uniqueKey.keySet());
            for (String k : keyColumns) {
                TableReads.requireField(schema, k);
            }
            boolean isPk = new LinkedHashSet<>(keyColumns).equals(new LinkedHashSet<>(schema.primaryKey()));
            boolean isUnique = keyColumns.size() == 1 && schema.fields().get(keyColumns.get(0)).unique();
            if (!isPk && !isUnique) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "uniqueKey " + keyColumns + " is not a unique field of '" + table
                        + "'; an atomic upsert needs a unique field (e.g. type uniquestring) or the primary key.");
            }
        } else {
            keyColumns = schema.primaryKey();
            if (keyColumns.isEmpty()) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Table '" + table + "' has no primary key; give a uniqueKey.");
            }
            if (!all.keySet().containsAll(keyColumns)) {
                return insert(table, all);
            }
        }
        for (String k : keyColumns) {
            if (all.get(k) == null) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "The key field '" + k + "' needs a value for an upsert.");
            }
        }
        Instant now = RowShape.now();
        Map<String, TypedValue> row = newRow(schema, all, now);
        List<String> update = new ArrayList<>();
        for (String col : data.keySet()) {
            if (!keyColumns.contains(col) && !schema.primaryKey().contains(col)) {
                update.add(col);
            }
        }
        if (schema.hasAutoFields() && !update.contains("updatedAt")) {
            update.add("updatedAt");
        }
        List<String> columns = new ArrayList<>(row.keySet());
        List<String> placeholders = columns.stream().map(col -> dialect.placeholder(schema.fields().get(col).type())).toList();
        String sql = dialect.upsert(table, columns, placeholders, keyColumns, update);
        Map<String, TypedValue> key = new LinkedHashMap<>();
        keyColumns.forEach(k -> key.put(k, row.get(k)));
        return session.inWriteTransaction(table, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                session.bindAll(ps, new ArrayList<>(row.values()));
                ps.executeUpdate();
            }
            return selectByKey(c, schema, key);
        });
    }

    /** The key of a row from an {@code id} argument: a value, or an object for a composite key. */
    private Map<String, TypedValue> key(TableSchema schema, Object id) {
        List<String> pk = schema.primaryKey();
        if (pk.isEmpty()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Table '" + schema.name() + "' has no primary key, so rows cannot be addressed by id.");
        }
        if (id == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "No id given.");
        }
        Map<String, TypedValue> key = new LinkedHashMap<>();
        if (pk.size() == 1 && !(id instanceof Map<?, ?>)) {
            FieldSpec spec = schema.fields().get(pk.get(0));
            key.put(pk.get(0), new TypedValue(spec.type(), Values.coerce(pk.get(0), spec.type(), id)));
            return key;
        }
        if (!(id instanceof Map<?, ?> m) || !m.keySet().containsAll(pk)) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Table '" + schema.name() + "' has the key " + pk + "; give id as an object with those fields.");
        }
        for (String k : pk) {
            FieldSpec spec = schema.fields().get(k);
            key.put(k, new TypedValue(spec.type(), Values.coerce(k, spec.type(), m.get(k))));
        }
        return key;
    }

    private static String show(Object id) {
        return Names.printable(String.valueOf(id));
    }

    Map<String, Object> change(String table, Object id, Map<String, ?> data, boolean patch) {
        TableSchema schema = schemas.require(table);
        Map<String, TypedValue> key = key(schema, id);
        Map<String, Object> values = new LinkedHashMap<>(requireData(data));
        for (String k : key.keySet()) {
            Object given = values.remove(k);
            if (given != null && !Objects.equals(Values.coerce(k, key.get(k).type(), given), key.get(k).value())) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "The key field '" + k + "' cannot be changed.");
            }
        }
        Map<String, TypedValue> set = typed(schema, values, "");
        if (schema.hasAutoFields()) {
            set.put("updatedAt", new TypedValue(LogicalType.DATE, RowShape.now()));
        }
        List<String> mergeColumns = patch ? set.entrySet().stream()
                .filter(e -> e.getValue().type().isJson() && values.get(e.getKey()) instanceof Map<?, ?>).map(Map.Entry::getKey).toList() : List.of();
        return session.inWriteTransaction(table, c -> {
            if (!mergeColumns.isEmpty()) {
                Map<String, Object> stored = selectColumns(c, schema, key, mergeColumns);
                if (stored == null) {
                    throw notFound(schema, id);
                }
                for (String col : mergeColumns) {
                    Object merged = JsonMerge.merge(stored.get(col), values.get(col));
                    set.put(col, new TypedValue(schema.fields().get(col).type(), Values.coerce(col, schema.fields().get(col).type(), merged)));
                }
            }
            if (set.isEmpty()) {
                Map<String, Object> row = selectByKey(c, schema, key);
                if (row == null) {
                    throw notFound(schema, id);
                }
                return row;
            }
            SqlStatement.Builder sql = new SqlStatement.Builder().sql("UPDATE ").sql(q(table)).sql(" SET ");
            int i = 0;
            for (Map.Entry<String, TypedValue> e : set.entrySet()) {
                sql.sql(i++ == 0 ? "" : ", ").sql(q(e.getKey())).sql(" = ").param(dialect.placeholder(e.getValue().type()), e.getValue());
            }
            sql.sql(" WHERE ");
            appendKey(sql, key);
            int changed;
            try (PreparedStatement ps = session.prepare(c, sql.build())) {
                changed = ps.executeUpdate();
            }
            if (changed == 0) {
                throw notFound(schema, id);
            }
            return selectByKey(c, schema, key);
        });
    }

    private Map<String, Object> selectColumns(Connection c, TableSchema schema, Map<String, TypedValue> key, List<String> columns) throws SQLException {
        SqlStatement.Builder sql = new SqlStatement.Builder().sql("SELECT ")
                .sql(String.join(", ", columns.stream().map(this::q).toList())).sql(" FROM ").sql(q(schema.name())).sql(" WHERE ");
        appendKey(sql, key);
        sql.sql(dialect.forUpdate());
        List<Map<String, Object>> rows = reads.fetch(c, sql.build(), schema, columns, null);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static TablewrightException notFound(TableSchema schema, Object id) {
        return new TablewrightException(ErrorCode.NOT_FOUND, "No row of '" + schema.name() + "' has the id " + show(id) + ".");
    }

    /** updateRow / patchRow: the id is in the data. */
    Map<String, Object> changeWithIdInData(String table, Map<String, ?> data, boolean patch) {
        TableSchema schema = schemas.require(table);
        requireData(data);
        List<String> pk = schema.primaryKey();
        if (pk.isEmpty() || !data.keySet().containsAll(pk)) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "The data must contain the row's key " + pk + ".");
        }
        Object id;
        if (pk.size() == 1) {
            id = data.get(pk.get(0));
        } else {
            Map<String, Object> composite = new LinkedHashMap<>();
            pk.forEach(k -> composite.put(k, data.get(k)));
            id = composite;
        }
        return change(table, id, data, patch);
    }

    boolean delete(String table, Object id) {
        TableSchema schema = schemas.require(table);
        Map<String, TypedValue> key = key(schema, id);
        SqlStatement.Builder sql = new SqlStatement.Builder().sql("DELETE FROM ").sql(q(table)).sql(" WHERE ");
        appendKey(sql, key);
        return session.inWriteTransaction(table, c -> {
            try (PreparedStatement ps = session.prepare(c, sql.build())) {
                if (ps.executeUpdate() == 0) {
                    throw notFound(schema, id);
                }
            }
            return true;
        });
    }

    long clear(String table) {
        schemas.require(table);
        return session.inWriteTransaction(table, c -> {
            try (Statement st = c.createStatement()) {
                return (long) st.executeUpdate("DELETE FROM " + q(table));
            }
        });
    }
}
