package dev.tablewright.core.query;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.filter.FilterCompiler;
import dev.tablewright.core.filter.FilterSql;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.SchemaManager;
import dev.tablewright.core.schema.TableSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reading rows: getTableData over one table or several, findRow, countRows, with the filter compiled for the dialect. */
final class TableReads {
    private final Session session;
    private final Dialect dialect;
    private final SchemaManager schemas;

    TableReads(Session session, SchemaManager schemas) {
        this.session = session;
        this.dialect = session.dialect();
        this.schemas = schemas;
    }

    private String q(String name) {
        return dialect.quoteIdentifier(name);
    }

    /** Reads rows of one table; the auto-join follows references with {@code data}'s reads. */
    List<Map<String, Object>> read(String table, ReadOptions options, TableData data) {
        return read(table, options, data, SqlStatement.of(q(table)));
    }

    /**
     * Reads rows of one table from {@code source}: the table itself, or a derived table with its
     * columns (the rows of a past moment) named after it.
     */
    List<Map<String, Object>> read(String table, ReadOptions options, TableData data, SqlStatement source) {
        TableSchema schema = schemas.require(table);
        ReadOptions asked = options == null ? ReadOptions.none() : options;
        boolean autoJoin = asked.autoJoin() == null || asked.autoJoin();
        // `fields` is the whole list of what comes back (issue 11): related rows only under keys it
        // names (`company`, `products`), and the columns they need are read but not returned.
        Set<String> joins = null;
        List<String> hidden = new ArrayList<>();
        ReadOptions o = asked;
        if (asked.fields() != null && !asked.fields().isEmpty()) {
            joins = new LinkedHashSet<>();
            Map<String, AutoJoin.Join> joinable = autoJoin ? AutoJoin.keys(schema) : Map.of();
            List<String> read = new ArrayList<>();
            for (String f : asked.fields()) {
                if (!schema.fields().containsKey(f) && joinable.containsKey(f)) {
                    joins.add(f);
                } else {
                    read.add(f);
                }
            }
            for (String join : joins) {
                String needed = joinable.get(join).column();
                if (!read.contains(needed) && !hidden.contains(needed)) {
                    hidden.add(needed);
                }
            }
            if (!joins.isEmpty()) {
                read.addAll(hidden);
                o = asked.withFields(read);
            }
        }
        List<String> columns = selectedColumns(schema, o.fields());
        List<ParentField> labels = parentFields(schema, asked.labels(), autoJoin);
        List<String> keys = new ArrayList<>(columns);
        List<LogicalType> types = new ArrayList<>(columns.stream().map(col -> schema.fields().get(col).type()).toList());
        for (ParentField label : labels) {
            keys.add(label.key());
            types.add(label.type());
        }
        SqlStatement statement = labels.isEmpty() ? select(schema, o, source) : selectWithParents(schema, o, source, columns, labels);
        DateTimeFormatter dates = o.locale() == null ? null : DateFormatting.formatter(o);
        Set<String> wanted = joins;
        return session.withConnection(c -> {
            List<Map<String, Object>> rows = fetchTyped(c, statement, keys, types, dates);
            if (autoJoin && !rows.isEmpty() && (wanted == null || !wanted.isEmpty())) {
                new AutoJoin(data, c, dates).apply(schema, rows, wanted);
            }
            if (!hidden.isEmpty()) {
                rows.forEach(r -> hidden.forEach(r::remove));
            }
            return rows;
        });
    }

    /** The SELECT {@link #read(String, ReadOptions, TableData, SqlStatement)} runs: fields, filter, order and page of {@code o} over {@code source}. */
    SqlStatement select(TableSchema schema, ReadOptions o, SqlStatement source) {
        List<String> columns = selectedColumns(schema, o.fields());
        SqlStatement.Builder sql = new SqlStatement.Builder().sql("SELECT ")
                .sql(String.join(", ", columns.stream().map(this::q).toList()))
                .sql(" FROM ").append(source);
        appendWhere(sql, schema, o.filter());
        appendOrder(sql, schema, o, "");
        appendLimit(sql, o.limit(), o.offset());
        return sql.build();
    }

    /**
     * One field of a foreign key's parent row read beside the rows ({@code labels}): the parent
     * table, the key it is found by, and whether that key is unique (else, in a table another tool
     * made whose key SQLite or InnoDB let point at a non-unique column, one matching row is taken).
     */
    private record ParentField(String foreignKey, String parentTable, String parentKey, boolean uniqueKey, String field, LogicalType type) {
        String key() {
            return foreignKey + "." + field;
        }
    }

    /** The {@code labels} option checked against the table and its parents; empty when not given. */
    private List<ParentField> parentFields(TableSchema schema, Map<String, List<String>> labels, boolean autoJoin) {
        if (labels == null || labels.isEmpty()) {
            return List.of();
        }
        Set<String> taken = new HashSet<>(schema.fields().keySet());
        if (autoJoin) {
            taken.addAll(AutoJoin.keys(schema).keySet());
        }
        List<ParentField> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : labels.entrySet()) {
            FieldSpec.Reference ref = requireField(schema, e.getKey()).references();
            if (ref == null) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'labels' reads the parents of foreign keys, and '" + Names.printable(e.getKey())
                        + "' of table '" + schema.name() + "' is not one.");
            }
            TableSchema parent = ref.table().equals(schema.name()) ? schema : schemas.require(ref.table());
            FieldSpec parentKey = requireField(parent, ref.field());
            boolean unique = parentKey.unique() || parent.primaryKey().equals(List.of(ref.field()));
            for (String field : e.getValue()) {
                ParentField p = new ParentField(e.getKey(), parent.name(), ref.field(), unique, field, requireField(parent, field).type());
                if (!taken.add(p.key())) {
                    throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'labels' would put '" + Names.printable(field) + "' of '" + parent.name()
                            + "' under '" + Names.printable(p.key()) + "', which the rows of '" + schema.name() + "' already have.");
                }
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The page of {@link #select} with fields of each foreign key's parent beside it: the page is
     * chosen first (its plan is the one without labels), then each parent's field is a subquery by
     * the key, one index probe per row of the page, all in the one statement. Not a LEFT JOIN:
     * PostgreSQL joined a 200-row page to a whole parent table by hash (a scan of 100,000 rows per
     * page) where it had no statistics yet; a correlated subquery is a probe on every dialect, and
     * can never multiply the rows.
     */
    private SqlStatement selectWithParents(TableSchema schema, ReadOptions o, SqlStatement source, List<String> columns, List<ParentField> labels) {
        Set<String> inner = new LinkedHashSet<>(columns);
        labels.forEach(l -> inner.add(l.foreignKey()));
        List<String[]> order = parseOrder(o.order());
        order.forEach(pair -> inner.add(pair[0]));
        if (!order.isEmpty() || o.limit() != null || o.offset() != null) {
            inner.addAll(schema.primaryKey());
        }
        SqlStatement page = select(schema, o.withFields(new ArrayList<>(inner)), source);
        List<String> select = new ArrayList<>();
        columns.forEach(col -> select.add("r." + q(col)));
        for (ParentField l : labels) {
            select.add("(SELECT p." + q(l.field()) + " FROM " + q(l.parentTable()) + " p WHERE p." + q(l.parentKey()) + " = r." + q(l.foreignKey())
                    + (l.uniqueKey() ? "" : " LIMIT 1") + ")");
        }
        SqlStatement.Builder sql = new SqlStatement.Builder().sql("SELECT ").sql(String.join(", ", select)).sql(" FROM (").append(page).sql(") r");
        appendOrder(sql, schema, o, "r.");
        return sql.build();
    }

    /**
     * A query over several tables: fields and result keys are {@code table.field}, and the join is
     * written in the filter ({@code ['users.id', '=', 'posts.userId']}).
     */
    List<Map<String, Object>> readJoined(List<String> tables, ReadOptions options) {
        ReadOptions o = options == null ? ReadOptions.none() : options;
        if (o.labels() != null && !o.labels().isEmpty()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT,
                    "'labels' reads the parents of one table's rows; in a query over several tables, name the parent table and join it in the filter.");
        }
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
        SqlStatement where = new FilterCompiler(dialect, resolver).compile(o.filter() == null ? null : FilterSql.withColumns(o.filter(), schemasByName));
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

    /**
     * The rows a query over several tables matches (the join written in the filter); with
     * {@code limit} set, counting stops there, as for one table.
     */
    long countJoined(List<String> tables, ReadOptions options) {
        ReadOptions o = options == null ? ReadOptions.none() : options;
        if (tables.isEmpty() || new LinkedHashSet<>(tables).size() != tables.size()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Give each table to count over once.");
        }
        Map<String, TableSchema> schemasByName = new LinkedHashMap<>();
        for (String t : tables) {
            schemasByName.put(t, schemas.require(t));
        }
        Integer cap = o.limit();
        SqlStatement.Builder sql = new SqlStatement.Builder().sql(cap == null ? "SELECT COUNT(*) FROM " : "SELECT COUNT(*) FROM (SELECT 1 AS one FROM ")
                .sql(String.join(", ", tables.stream().map(this::q).toList()));
        SqlStatement where = new FilterCompiler(dialect, joinedResolver(schemasByName))
                .compile(o.filter() == null ? null : FilterSql.withColumns(o.filter(), schemasByName));
        if (!where.sql().isEmpty()) {
            sql.sql(" WHERE ").append(where);
        }
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

    /** {@code table.field} as a qualified, quoted column. */
    private String columnOf(String key) {
        int dot = key.indexOf('.');
        return q(key.substring(0, dot)) + "." + q(key.substring(dot + 1));
    }

    private FilterCompiler.FieldResolver joinedResolver(Map<String, TableSchema> tables) {
        return FilterSql.fields(dialect, tables);
    }

    Map<String, Object> findOne(String table, ReadOptions options, TableData data) {
        List<Map<String, Object>> rows = read(table, (options == null ? ReadOptions.none() : options).withLimit(1), data);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * The number of rows the filter matches; with a {@code limit}, at most that many, so a caller can
     * learn "at least N" from a huge table in the time it takes to step over N rows.
     */
    long count(String table, ReadOptions options) {
        return count(table, options, SqlStatement.of(q(table)));
    }

    /** {@link #count(String, ReadOptions)} over {@code source}, as {@link #read(String, ReadOptions, TableData, SqlStatement)}. */
    long count(String table, ReadOptions options, SqlStatement source) {
        TableSchema schema = schemas.require(table);
        Integer cap = options == null ? null : options.limit();
        SqlStatement.Builder sql = new SqlStatement.Builder().sql(cap == null ? "SELECT COUNT(*) FROM " : "SELECT COUNT(*) FROM (SELECT 1 AS one FROM ")
                .append(source);
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

    static FieldSpec requireField(TableSchema schema, String field) {
        FieldSpec spec = schema.fields().get(field);
        if (spec == null) {
            throw new TablewrightException(ErrorCode.UNKNOWN_FIELD, "Table '" + schema.name() + "' has no field '" + Names.printable(field)
                    + "'. Its fields: " + String.join(", ", schema.fields().keySet()) + ".");
        }
        return spec;
    }

    /** Resolves a filter field: a column, or {@code column.path.in.json} on a json/jsonb column. */
    FilterCompiler.FieldResolver resolver(TableSchema schema) {
        return FilterSql.fields(dialect, schema);
    }

    private void appendWhere(SqlStatement.Builder sql, TableSchema schema, Filter filter) {
        SqlStatement where = new FilterCompiler(dialect, resolver(schema)).compile(filter);
        if (!where.sql().isEmpty()) {
            sql.sql(" WHERE ").append(where);
        }
    }

    /** ORDER BY of {@code o}, each column written after {@code qualifier} ({@code ""}, or an alias and a dot). */
    private void appendOrder(SqlStatement.Builder sql, TableSchema schema, ReadOptions o, String qualifier) {
        List<String[]> order = parseOrder(o.order());
        List<String> parts = new ArrayList<>();
        Set<String> ordered = new HashSet<>();
        for (String[] pair : order) {
            FieldSpec spec = requireField(schema, pair[0]);
            ordered.add(pair[0]);
            boolean desc = pair[1].equals("DESC");
            if (spec.allowNull() && !spec.primaryKey()) {
                // Nulls first when ascending, last when descending, on every dialect.
                parts.add("CASE WHEN " + qualifier + q(pair[0]) + " IS NULL THEN 0 ELSE 1 END" + (desc ? " DESC" : ""));
            }
            parts.add(qualifier + q(pair[0]) + (desc ? " DESC" : ""));
        }
        if (!order.isEmpty() || o.limit() != null || o.offset() != null) {
            // Ties broken by the primary key, so pages are stable.
            for (String pk : schema.primaryKey()) {
                if (!ordered.contains(pk)) {
                    parts.add(qualifier + q(pk));
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
}
