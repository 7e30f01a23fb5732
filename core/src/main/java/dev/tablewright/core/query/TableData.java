package dev.tablewright.core.query;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.base.Values;
import dev.tablewright.core.connect.Session.TypedValue;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.filter.FilterCompiler;
import dev.tablewright.core.filter.FilterSql;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.SchemaManager;
import dev.tablewright.core.schema.TableSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reading and writing rows of one table: the CRUD half of the connector. */
public final class TableData {
    private static final int BATCH = 1000;
    /** From this many rows on, a dialect's bulk-load path (COPY) is worth its set-up. */
    private static final int BULK_LOAD_MIN = 50;
    /** Rows per bulk load (COPY): large enough to amortize it, small enough to stream. */
    private static final int BULK_CHUNK = 10_000;
    /** Placeholders in one multi-row INSERT: well under MySQL's limit of 65,535. */
    private static final int MAX_PARAMS = 30_000;
    private static final TimeBasedEpochGenerator UUID_V7 = Generators.timeBasedEpochGenerator();

    private final Session session;
    private final Dialect dialect;
    private final SchemaManager schemas;

    public TableData(Session session, SchemaManager schemas) {
        this.session = session;
        this.dialect = session.dialect();
        this.schemas = schemas;
    }

    private String q(String name) {
        return dialect.quoteIdentifier(name);
    }

    // --- reading ---

    public List<Map<String, Object>> read(String table, ReadOptions options) {
        TableSchema schema = schemas.require(table);
        ReadOptions o = options == null ? ReadOptions.none() : options;
        List<String> columns = selectedColumns(schema, o.fields());
        SqlStatement.Builder sql = new SqlStatement.Builder().sql("SELECT ")
                .sql(String.join(", ", columns.stream().map(this::q).toList()))
                .sql(" FROM ").sql(q(table));
        appendWhere(sql, schema, o.filter());
        appendOrder(sql, schema, o);
        appendLimit(sql, o.limit(), o.offset());
        DateTimeFormatter dates = o.locale() == null ? null : DateFormatting.formatter(o);
        boolean autoJoin = o.autoJoin() == null || o.autoJoin();
        return session.withConnection(c -> {
            List<Map<String, Object>> rows = fetch(c, sql.build(), schema, columns, dates);
            if (autoJoin && !rows.isEmpty()) {
                new AutoJoin(this, c, dates).apply(schema, rows);
            }
            return rows;
        });
    }

    /**
     * A query over several tables: fields and result keys are {@code table.field}, and the join is
     * written in the filter ({@code ['users.id', '=', 'posts.userId']}).
     */
    public List<Map<String, Object>> readJoined(List<String> tables, ReadOptions options) {
        ReadOptions o = options == null ? ReadOptions.none() : options;
        if (tables.isEmpty()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Give at least one table name.");
        }
        if (new LinkedHashSet<>(tables).size() != tables.size()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Each table can be named once in a multi-table query.");
        }
        Map<String, TableSchema> schemasByName = new LinkedHashMap<>();
        for (String t : tables) {
            schemasByName.put(t, schemas.require(t));
        }
        List<String> keys = new ArrayList<>();
        if (o.fields() == null || o.fields().isEmpty()) {
            schemasByName.forEach((t, s) -> s.fields().keySet().forEach(f -> keys.add(t + "." + f)));
        } else {
            keys.addAll(new LinkedHashSet<>(o.fields()));
        }
        FilterCompiler.FieldResolver resolver = joinedResolver(schemasByName);
        List<LogicalType> types = new ArrayList<>();
        List<String> select = new ArrayList<>();
        for (String key : keys) {
            FilterCompiler.Field f = resolver.resolve(key);
            if (f.isJsonPath()) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'fields' names columns (table.field), not JSON paths: " + Names.printable(key));
            }
            types.add(f.type());
            select.add(columnOf(key) + " AS " + q(key));
        }
        SqlStatement.Builder sql = new SqlStatement.Builder().sql("SELECT ").sql(String.join(", ", select))
                .sql(" FROM ").sql(String.join(", ", tables.stream().map(this::q).toList()));
        SqlStatement where = new FilterCompiler(dialect, resolver).compile(o.filter());
        if (!where.sql().isEmpty()) {
            sql.sql(" WHERE ").append(where);
        }
        List<String> parts = new ArrayList<>();
        for (String[] pair : parseOrder(o.order())) {
            FilterCompiler.Field f = resolver.resolve(pair[0]);
            if (f.isJsonPath()) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'order' names columns (table.field), not JSON paths.");
            }
            boolean desc = pair[1].equals("DESC");
            parts.add("CASE WHEN " + columnOf(pair[0]) + " IS NULL THEN 0 ELSE 1 END" + (desc ? " DESC" : ""));
            parts.add(columnOf(pair[0]) + (desc ? " DESC" : ""));
        }
        if (o.limit() != null || o.offset() != null || !parts.isEmpty()) {
            schemasByName.forEach((t, s) -> s.primaryKey().forEach(pk -> parts.add(q(t) + "." + q(pk))));
        }
        if (!parts.isEmpty()) {
            sql.sql(" ORDER BY ").sql(String.join(", ", parts));
        }
        appendLimit(sql, o.limit(), o.offset());
        DateTimeFormatter dates = o.locale() == null ? null : DateFormatting.formatter(o);
        return session.withConnection(c -> fetchTyped(c, sql.build(), keys, types, dates));
    }

    /** {@code table.field} as a qualified, quoted column. */
    private String columnOf(String key) {
        int dot = key.indexOf('.');
        return q(key.substring(0, dot)) + "." + q(key.substring(dot + 1));
    }

    private FilterCompiler.FieldResolver joinedResolver(Map<String, TableSchema> tables) {
        return FilterSql.fields(dialect, tables);
    }

    public Map<String, Object> findOne(String table, ReadOptions options) {
        List<Map<String, Object>> rows = read(table, (options == null ? ReadOptions.none() : options).withLimit(1));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * The number of rows the filter matches; with a {@code limit}, at most that many, so a caller can
     * learn "at least N" from a huge table in the time it takes to step over N rows.
     */
    public long count(String table, ReadOptions options) {
        TableSchema schema = schemas.require(table);
        Integer cap = options == null ? null : options.limit();
        SqlStatement.Builder sql = new SqlStatement.Builder().sql(cap == null ? "SELECT COUNT(*) FROM " : "SELECT COUNT(*) FROM (SELECT 1 AS one FROM ")
                .sql(q(table));
        appendWhere(sql, schema, options == null ? null : options.filter());
        if (cap != null) {
            sql.sql(" LIMIT ").param("?", (long) cap).sql(") capped");
        }
        return session.withConnection(c -> {
            try (PreparedStatement ps = session.prepare(c, sql.build()); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private List<String> selectedColumns(TableSchema schema, List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            return new ArrayList<>(schema.fields().keySet());
        }
        for (String f : fields) {
            requireField(schema, f);
        }
        return new ArrayList<>(new LinkedHashSet<>(fields));
    }

    private FieldSpec requireField(TableSchema schema, String field) {
        FieldSpec spec = schema.fields().get(field);
        if (spec == null) {
            throw new TablewrightException(ErrorCode.UNKNOWN_FIELD, "Table '" + schema.name() + "' has no field '" + Names.printable(field)
                    + "'. Its fields: " + String.join(", ", schema.fields().keySet()) + ".");
        }
        return spec;
    }

    /** Resolves a filter field: a column, or {@code column.path.in.json} on a json/jsonb column. */
    public FilterCompiler.FieldResolver resolver(TableSchema schema) {
        return FilterSql.fields(dialect, schema);
    }

    private void appendWhere(SqlStatement.Builder sql, TableSchema schema, Object filter) {
        SqlStatement where = new FilterCompiler(dialect, resolver(schema)).compile(filter);
        if (!where.sql().isEmpty()) {
            sql.sql(" WHERE ").append(where);
        }
    }

    private void appendOrder(SqlStatement.Builder sql, TableSchema schema, ReadOptions o) {
        List<String[]> order = parseOrder(o.order());
        List<String> parts = new ArrayList<>();
        Set<String> ordered = new java.util.HashSet<>();
        for (String[] pair : order) {
            FieldSpec spec = requireField(schema, pair[0]);
            ordered.add(pair[0]);
            boolean desc = pair[1].equals("DESC");
            if (spec.allowNull() && !spec.primaryKey()) {
                // Nulls first when ascending, last when descending, on every dialect.
                parts.add("CASE WHEN " + q(pair[0]) + " IS NULL THEN 0 ELSE 1 END" + (desc ? " DESC" : ""));
            }
            parts.add(q(pair[0]) + (desc ? " DESC" : ""));
        }
        if (!order.isEmpty() || o.limit() != null || o.offset() != null) {
            // Ties broken by the primary key, so pages are stable.
            for (String pk : schema.primaryKey()) {
                if (!ordered.contains(pk)) {
                    parts.add(q(pk));
                }
            }
        }
        if (!parts.isEmpty()) {
            sql.sql(" ORDER BY ").sql(String.join(", ", parts));
        }
    }

    static List<String[]> parseOrder(Object order) {
        List<String[]> out = new ArrayList<>();
        if (order == null) {
            return out;
        }
        if (order instanceof String s) {
            out.add(new String[]{s, "ASC"});
            return out;
        }
        if (order instanceof List<?> l && !l.isEmpty()) {
            if (l.get(0) instanceof String) {
                out.add(pair(l));
                return out;
            }
            for (Object item : l) {
                if (item instanceof List<?> p) {
                    out.add(pair(p));
                } else if (item instanceof String s) {
                    out.add(new String[]{s, "ASC"});
                } else {
                    throw badOrder();
                }
            }
            return out;
        }
        throw badOrder();
    }

    private static String[] pair(List<?> p) {
        if (p.isEmpty() || p.size() > 2 || !(p.get(0) instanceof String field)) {
            throw badOrder();
        }
        String dir = p.size() == 2 ? String.valueOf(p.get(1)).toUpperCase(Locale.ROOT) : "ASC";
        if (!dir.equals("ASC") && !dir.equals("DESC")) {
            throw badOrder();
        }
        return new String[]{field, dir};
    }

    private static TablewrightException badOrder() {
        return new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'order' is ['field', 'ASC' or 'DESC'] or a list of such pairs.");
    }

    private void appendLimit(SqlStatement.Builder sql, Integer limit, Integer offset) {
        if (limit == null && offset == null) {
            return;
        }
        if (limit != null) {
            sql.sql(" LIMIT ").param("?", (long) limit);
        } else {
            sql.sql(" LIMIT " + dialect.noLimit());
        }
        if (offset != null) {
            sql.sql(" OFFSET ").param("?", (long) offset);
        }
    }

    List<Map<String, Object>> fetch(Connection c, SqlStatement statement, TableSchema schema, List<String> columns,
                                    DateTimeFormatter dates) throws SQLException {
        return fetchTyped(c, statement, columns, columns.stream().map(col -> schema.fields().get(col).type()).toList(), dates);
    }

    /** Runs a SELECT whose columns are, in order, the given keys of the given logical types. */
    List<Map<String, Object>> fetchTyped(Connection c, SqlStatement statement, List<String> keys, List<LogicalType> types,
                                         DateTimeFormatter dates) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = session.prepare(c, statement); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    Object v = dialect.read(rs, i + 1, types.get(i));
                    if (dates != null && v instanceof Instant instant) {
                        v = DateFormatting.format(dates, instant);
                    }
                    row.put(keys.get(i), v);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    Session session() {
        return session;
    }

    SchemaManager schemas() {
        return schemas;
    }

    // --- writing ---

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

    private static Instant now() {
        return dev.tablewright.core.base.Dates.truncate(Instant.now());
    }

    public Map<String, Object> insert(String table, Map<String, ?> data) {
        TableSchema schema = schemas.require(table);
        Map<String, TypedValue> row = newRow(schema, requireData(data), now());
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
        String sql = insertSql(schema, row.keySet());
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

    private String insertSql(TableSchema schema, java.util.Collection<String> columns) {
        if (columns.isEmpty()) {
            return dialect.insertDefaultValues(q(schema.name()));
        }
        List<String> placeholders = columns.stream().map(col -> dialect.placeholder(schema.fields().get(col).type())).toList();
        return "INSERT INTO " + q(schema.name()) + " (" + String.join(", ", columns.stream().map(this::q).toList())
                + ") VALUES (" + String.join(", ", placeholders) + ")";
    }

    private Map<String, Object> selectByKey(Connection c, TableSchema schema, Map<String, TypedValue> key) throws SQLException {
        List<String> columns = new ArrayList<>(schema.fields().keySet());
        SqlStatement.Builder sql = new SqlStatement.Builder().sql("SELECT ")
                .sql(String.join(", ", columns.stream().map(this::q).toList())).sql(" FROM ").sql(q(schema.name())).sql(" WHERE ");
        appendKey(sql, key);
        List<Map<String, Object>> rows = fetch(c, sql.build(), schema, columns, null);
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
            }
        }
    }

    public int insertAll(String table, List<? extends Map<String, ?>> rows) {
        TableSchema schema = schemas.require(table);
        if (rows == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "No data given: pass an array of rows.");
        }
        if (rows.isEmpty()) {
            return 0;
        }
        Instant now = now();
        // Rows are checked and written a batch at a time inside one transaction: a bad row anywhere
        // rolls everything back (all or none) without holding every converted row in memory.
        return session.inWriteTransaction(table, c -> session.bulkInsert(c, table, (conn, written) -> {
            BulkWriter writer = new BulkWriter(conn, schema, written);
            RowShape shape = null;
            for (int i = 0; i < rows.size(); i++) {
                Map<String, ?> data = rows.get(i);
                if (data == null) {
                    throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Row " + i + " is null.");
                }
                if (shape == null || !shape.fits(data)) {
                    shape = writer.shapeFor(data, "Row " + i + ": ");
                }
                writer.add(shape, shape.values(data, now, i));
            }
            writer.flushAll();
            return rows.size();
        }));
    }

    /** Which columns a row of given fields writes, and where each value comes from. */
    private final class RowShape {
        final List<String> columns = new ArrayList<>();
        final List<LogicalType> types = new ArrayList<>();
        /** Per column: the data key, or null for a value made here (automatic field or default). */
        final List<String> keys = new ArrayList<>();
        final List<Object> made = new ArrayList<>();
        final Set<String> dataKeys;
        PreparedStatement statement;
        List<Object[]> pending = new ArrayList<>();

        /** {@code where} starts every message ("Row 7: "), or is empty. */
        RowShape(TableSchema schema, Set<String> dataKeys, String where) {
            this.dataKeys = Set.copyOf(dataKeys);
            for (String key : dataKeys) {
                if (!schema.fields().containsKey(key)) {
                    throw new TablewrightException(ErrorCode.UNKNOWN_FIELD, where + "table '" + schema.name() + "' has no field '"
                            + Names.printable(key) + "'. Its fields: " + String.join(", ", schema.fields().keySet()) + ". (defineTable adds fields.)");
                }
            }
            for (Map.Entry<String, FieldSpec> f : schema.fields().entrySet()) {
                String name = f.getKey();
                FieldSpec spec = f.getValue();
                Object source;
                if (dataKeys.contains(name)) {
                    source = name;
                } else if (schema.hasAutoFields() && spec.auto()) {
                    source = name.equals("id") ? AUTO_ID : NOW;
                } else if (schema.managed() && spec.defaultValue() != null) {
                    source = spec.defaultsToNow() ? NOW : new Made(spec.storedDefault(name, null));
                } else {
                    continue;
                }
                columns.add(name);
                types.add(spec.type());
                keys.add(source instanceof String key ? key : null);
                made.add(source instanceof String ? null : source);
            }
        }

        boolean fits(Map<String, ?> data) {
            return data.size() == dataKeys.size() && dataKeys.containsAll(data.keySet());
        }

        /** The row's values in column order; {@code index} (when not negative) names the row in messages. */
        Object[] values(Map<String, ?> data, Instant now, int index) {
            Object[] out = new Object[columns.size()];
            for (int k = 0; k < out.length; k++) {
                String key = keys.get(k);
                if (key != null) {
                    try {
                        out[k] = Values.coerce(key, types.get(k), data.get(key));
                    } catch (TablewrightException e) {
                        throw index < 0 ? e : new TablewrightException(e.code(), "Row " + index + ": " + e.getMessage());
                    }
                } else {
                    Object m = made.get(k);
                    out[k] = m == AUTO_ID ? UUID_V7.generate().toString() : m == NOW ? now : ((Made) m).value();
                }
            }
            return out;
        }
    }

    private static final Object AUTO_ID = new Object();
    private static final Object NOW = new Object();

    private record Made(Object value) {
    }

    /** Writes rows shape by shape: JDBC batches, or the dialect's bulk load (COPY) in chunks. */
    private final class BulkWriter {
        private final Connection c;
        private final TableSchema schema;
        private final Map<Set<String>, RowShape> shapes = new java.util.HashMap<>();
        private final boolean multiRow;
        private final Session.RowsWritten written;

        BulkWriter(Connection c, TableSchema schema, Session.RowsWritten written) throws SQLException {
            this.c = c;
            this.schema = schema;
            this.written = written;
            // While the history is written batch by batch from the rows, its insert trigger stands aside.
            this.multiRow = dialect.needsMultiRowInsert(c, schema.name(), written != null);
        }

        RowShape shapeFor(Map<String, ?> data, String where) {
            RowShape shape = shapes.get(data.keySet());
            if (shape == null) {
                shape = new RowShape(schema, data.keySet(), where);
                shapes.put(shape.dataKeys, shape);
            }
            return shape;
        }

        void add(RowShape shape, Object[] values) throws SQLException {
            shape.pending.add(values);
            if (shape.pending.size() >= (bulk(shape) ? BULK_CHUNK : BATCH)) {
                flush(shape);
            }
        }

        private boolean bulk(RowShape shape) {
            return dialect.supportsBulkLoad() && !shape.columns.isEmpty();
        }

        void flushAll() throws SQLException {
            try {
                for (RowShape shape : shapes.values()) {
                    flush(shape);
                }
            } finally {
                for (RowShape shape : shapes.values()) {
                    if (shape.statement != null) {
                        shape.statement.close();
                    }
                }
            }
        }

        private void flush(RowShape shape) throws SQLException {
            if (shape.pending.isEmpty()) {
                return;
            }
            if (bulk(shape) && shape.pending.size() >= BULK_LOAD_MIN) {
                List<Object[]> chunk = shape.pending;
                dialect.bulkLoad(c, schema.name(), shape.columns, shape.types, () -> chunk.stream().map(java.util.Arrays::asList).iterator());
            } else if (multiRow && !shape.columns.isEmpty()) {
                multiRow(shape);
            } else {
                if (shape.statement == null) {
                    shape.statement = c.prepareStatement(insertSql(schema, shape.columns));
                }
                PreparedStatement ps = shape.statement;
                for (Object[] row : shape.pending) {
                    for (int k = 0; k < row.length; k++) {
                        dialect.bind(ps, k + 1, shape.types.get(k), row[k]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (written != null) {
                written.batch(shape.columns, shape.pending);
            }
            shape.pending = new ArrayList<>();
        }

        /** INSERT … VALUES (…), (…): as many rows per statement as the placeholder limit allows. */
        private void multiRow(RowShape shape) throws SQLException {
            int width = shape.columns.size();
            int perStatement = Math.max(1, Math.min(BATCH, MAX_PARAMS / width));
            List<Object[]> rows = shape.pending;
            for (int from = 0; from < rows.size(); from += perStatement) {
                int n = Math.min(perStatement, rows.size() - from);
                StringBuilder sql = new StringBuilder(insertSql(schema, shape.columns));
                String tuple = sql.substring(sql.lastIndexOf(" VALUES ") + 8);
                for (int r = 1; r < n; r++) {
                    sql.append(", ").append(tuple);
                }
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    int index = 1;
                    for (int r = from; r < from + n; r++) {
                        Object[] row = rows.get(r);
                        for (int k = 0; k < width; k++) {
                            dialect.bind(ps, index++, shape.types.get(k), row[k]);
                        }
                    }
                    ps.executeUpdate();
                }
            }
        }
    }

    /** Atomic insert-or-update on the primary key, or on {@code uniqueKey}'s unique field(s). */
    public Map<String, Object> upsert(String table, Map<String, ?> data, Map<String, ?> uniqueKey) {
        TableSchema schema = schemas.require(table);
        Map<String, Object> all = new LinkedHashMap<>(requireData(data));
        List<String> keyColumns;
        if (uniqueKey != null && !uniqueKey.isEmpty()) {
            all.putAll(uniqueKey);
            keyColumns = new ArrayList<>(uniqueKey.keySet());
            for (String k : keyColumns) {
                requireField(schema, k);
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
        Instant now = now();
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

    public Map<String, Object> change(String table, Object id, Map<String, ?> data, boolean patch) {
        TableSchema schema = schemas.require(table);
        Map<String, TypedValue> key = key(schema, id);
        Map<String, Object> values = new LinkedHashMap<>(requireData(data));
        for (String k : key.keySet()) {
            Object given = values.remove(k);
            if (given != null && !java.util.Objects.equals(Values.coerce(k, key.get(k).type(), given), key.get(k).value())) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "The key field '" + k + "' cannot be changed.");
            }
        }
        Map<String, TypedValue> set = typed(schema, values, "");
        if (schema.hasAutoFields()) {
            set.put("updatedAt", new TypedValue(LogicalType.DATE, now()));
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
        List<Map<String, Object>> rows = fetch(c, sql.build(), schema, columns, null);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static TablewrightException notFound(TableSchema schema, Object id) {
        return new TablewrightException(ErrorCode.NOT_FOUND, "No row of '" + schema.name() + "' has the id " + show(id) + ".");
    }

    /** updateRow / patchRow: the id is in the data. */
    public Map<String, Object> changeWithIdInData(String table, Map<String, ?> data, boolean patch) {
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

    public boolean delete(String table, Object id) {
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

    public long clear(String table) {
        schemas.require(table);
        return session.inWriteTransaction(table, c -> {
            try (Statement st = c.createStatement()) {
                return (long) st.executeUpdate("DELETE FROM " + q(table));
            }
        });
    }
}
