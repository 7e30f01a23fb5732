package dev.tablewright.core.history;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.connect.Session.TypedValue;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.filter.Filter.Condition;
import dev.tablewright.core.filter.FilterCompiler;
import dev.tablewright.core.filter.FilterValue;
import dev.tablewright.core.filter.Operator;
import dev.tablewright.core.query.TableData;
import dev.tablewright.core.schema.SchemaManager;
import dev.tablewright.core.schema.TableSchema;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reading the history table: versions oldest first (getHistoricalData), changes newest first
 * (getAuditLog), and one row's version at a moment. Filters, limit and offset are applied by the
 * database.
 */
final class HistoryReads {
    /** The operation of the row that marks when tracking began; its data is {@code {"rows": n}}, the rows the table had. */
    static final String TRACKING = "tracking";
    /** The operation of a row as it stood when tracking began (not a change: the base of the first one). */
    static final String BASELINE = "baseline";
    /**
     * The changes (insert, update, delete) as the rows that are not {@link #TRACKING} or
     * {@link #BASELINE}: a condition no index answers, so pages in historyId order are read along
     * the primary key (SQLite sorted the whole history when it could use the (operation,
     * changedAt) index for an IN list).
     */
    private static final String CHANGES = "NOT IN ('" + TRACKING + "', '" + BASELINE + "')";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
    private static final Set<String> AUDIT_OPTIONS = Page.withOptions("id", "actorId", "action", "changedField", "start", "stop");
    private static final Map<String, String> ACTIONS = Map.of("CREATE", "insert", "UPDATE", "update", "DELETE", "delete");

    private final Session session;
    private final Dialect dialect;
    private final SchemaManager schemas;
    private final TableData data;

    HistoryReads(Session session, SchemaManager schemas, TableData data) {
        this.session = session;
        this.dialect = session.dialect();
        this.schemas = schemas;
        this.data = data;
    }

    private String q(String name) {
        return dialect.quoteIdentifier(name);
    }

    /** One stored version; {@code data} is the whole row after the change (before it, for a delete). */
    record Version(long historyId, String rowId, String operation, Instant changedAt, String changedBy, Map<String, Object> data) {
    }

    /** When tracking last began, and whether the table had rows then. */
    record TrackingStart(Instant at, long rows) {
    }

    /** A table that keeps history, or kept it (switched off since): its history can still be read. */
    TableSchema requireHistory(String table) {
        TableSchema schema = schemas.require(table);
        if (!schema.options().trackHistory() && !schemas.exists(InternalNames.historyTable(table))) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Table '" + table + "' keeps no history; define it with options {trackHistory: true}.");
        }
        return schema;
    }

    /** A table that keeps history now: only its history says how it stood at a moment. */
    TableSchema requireTracking(String table) {
        TableSchema schema = schemas.require(table);
        if (!schema.options().trackHistory()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Table '" + table + "' keeps no history, so how it stood earlier is unknown; "
                    + "define it with options {trackHistory: true} to keep it from now on.");
        }
        return schema;
    }

    // --- getHistoricalData ---

    /** Versions of the rows the filter names (or all), oldest first, paged by the database. */
    List<Map<String, Object>> historicalData(String table, Filter filter, Instant start, Instant stop, Page page) {
        TableSchema schema = requireHistory(table);
        List<String> ids = idsFor(schema, filter);
        if (ids != null && ids.isEmpty()) {
            return List.of();
        }
        SqlStatement.Builder sql = new SqlStatement.Builder().sql("SELECT ").sql(columns("h")).sql(" FROM ").sql(q(InternalNames.historyTable(table)))
                .sql(" h WHERE h.").sql(q("operation")).sql(" " + CHANGES);
        if (ids != null) {
            sql.sql(" AND h.").sql(q("rowId")).sql(" IN (");
            for (int i = 0; i < ids.size(); i++) {
                sql.sql(i == 0 ? "" : ", ").param("?", ids.get(i));
            }
            sql.sql(")");
        }
        appendTimeRange(sql, start, stop);
        appendPage(sql, page, "h." + q("historyId"));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Version v : versions(schema, sql.build(), null)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operation", v.operation());
            m.put("changedAt", v.changedAt());
            m.put("changedBy", v.changedBy());
            m.put("data", v.data());
            m.put("version", v.historyId());
            out.add(m);
        }
        return out;
    }

    /** The row ids a filter names: from the table, and from the filter itself for deleted rows; null: every row. */
    private List<String> idsFor(TableSchema schema, Filter filter) {
        if (filter == null || filter.isEmpty()) {
            return null;
        }
        String pk = schema.primaryKey().get(0);
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        // Deleted rows are no longer in the table: a filter naming ids names them too.
        if (filter instanceof Condition c && pk.equals(c.field())) {
            if (c.operator() == Operator.EQ && c.value() instanceof FilterValue.Literal l) {
                ids.add(String.valueOf(l.value()));
            } else if (c.operator() == Operator.IN && c.value() instanceof FilterValue.Items values) {
                values.values().forEach(v -> ids.add(String.valueOf(v)));
            }
        }
        SqlStatement where = new FilterCompiler(dialect, data.resolver(schema)).compile(filter);
        SqlStatement.Builder sql = new SqlStatement.Builder().sql("SELECT ").sql(q(pk)).sql(" FROM ").sql(q(schema.name()));
        if (!where.sql().isEmpty()) {
            sql.sql(" WHERE ").append(where);
        }
        session.withConnection(c -> {
            try (PreparedStatement ps = session.prepare(c, sql.build()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return null;
        });
        return new ArrayList<>(ids);
    }

    // --- getAuditLog ---

    /**
     * The same store as changes, newest first (contract section 10): each entry with its row's
     * previous version (a correlated lookup on the (rowId, historyId) index), every filter and the
     * page applied by the database.
     */
    List<Map<String, Object>> auditLog(String table, Map<String, ?> options) {
        TableSchema schema = requireHistory(table);
        Map<String, ?> o = options == null ? Map.of() : options;
        for (String key : o.keySet()) {
            if (!AUDIT_OPTIONS.contains(key)) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Unknown option '" + Names.printable(key)
                        + "'. Known: id, actorId, action, changedField, start, stop, limit, offset, before, after, order.");
            }
        }
        String hist = q(InternalNames.historyTable(table));
        String id = q("historyId");
        String previousVersion = " LEFT JOIN " + hist + " p ON p." + id + " = (SELECT MAX(x." + id + ") FROM " + hist + " x WHERE x." + q("rowId")
                + " = h." + q("rowId") + " AND x." + id + " < h." + id + ")";
        boolean byField = o.get("changedField") != null;
        SqlStatement.Builder sql = new SqlStatement.Builder().sql("SELECT ").sql(columns("h"));
        if (byField) {
            // The filter needs each change's previous version: joined before the page is cut.
            sql.sql(", p.").sql(q("operation")).sql(", p.").sql(q("data")).sql(" FROM ").sql(hist).sql(" h").sql(previousVersion);
        } else {
            // The page is cut first; only its changes look up their previous versions.
            sql.sql(" FROM ").sql(hist).sql(" h");
        }
        sql.sql(" WHERE h.").sql(q("operation")).sql(" " + CHANGES);
        if (o.get("id") != null) {
            sql.sql(" AND h.").sql(q("rowId")).sql(" = ").param("?", String.valueOf(o.get("id")));
        }
        if (o.get("actorId") != null) {
            sql.sql(" AND h.").sql(q("changedBy")).sql(" = ").param("?", String.valueOf(o.get("actorId")));
        }
        if (o.get("action") != null) {
            String operation = ACTIONS.get(String.valueOf(o.get("action")).toUpperCase(Locale.ROOT));
            if (operation == null) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'action' is CREATE, UPDATE or DELETE; got '" + Names.printable(String.valueOf(o.get("action"))) + "'.");
            }
            sql.sql(" AND h.").sql(q("operation")).sql(" = ").param("?", operation);
        }
        if (byField) {
            String field = String.valueOf(o.get("changedField"));
            if (!PLAIN.matcher(field).matches()) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'changedField' is a field name; got '" + Names.printable(field) + "'.");
            }
            // An update of a row older than its history has no earlier version: what changed is unknown.
            sql.sql(" AND h.").sql(q("operation")).sql(" = 'update' AND p.").sql(q("operation")).sql(" IN ('insert', 'update', '" + BASELINE + "') AND ")
                    .sql(dialect.historyFieldChanged("h." + q("data"), "p." + q("data"), field));
        }
        appendTimeRange(sql, Moments.optional(o, "start"), Moments.optional(o, "stop"));
        Page page = Page.of(o, false);
        appendPage(sql, page, "h." + id);
        String direction = page.direction();
        if (!byField) {
            SqlStatement cut = sql.build();
            sql = new SqlStatement.Builder().sql("SELECT ").sql(columns("h")).sql(", p.").sql(q("operation")).sql(", p.").sql(q("data")).sql(" FROM (")
                    .append(cut).sql(") h").sql(previousVersion).sql(" ORDER BY h.").sql(id).sql(direction);
        }
        Map<Long, Map<String, Object>> previous = new LinkedHashMap<>();
        List<Version> changes = versions(schema, sql.build(), previous);
        List<Map<String, Object>> out = new ArrayList<>(changes.size());
        for (Version v : changes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("action", switch (v.operation()) {
                case "insert" -> "CREATE";
                case "delete" -> "DELETE";
                default -> "UPDATE";
            });
            entry.put("id", v.rowId());
            entry.put("actorId", v.changedBy());
            entry.put("createdAt", v.changedAt());
            entry.put("diff", diff(v, previous.get(v.historyId())));
            entry.put("version", v.historyId());
            out.add(entry);
        }
        return out;
    }

    private static Map<String, Object> diff(Version v, Map<String, Object> before) {
        Map<String, Object> diff = new LinkedHashMap<>();
        switch (v.operation()) {
            case "insert" -> {
                diff.put("old", null);
                diff.put("new", v.data());
            }
            case "delete" -> {
                diff.put("old", v.data());
                diff.put("new", null);
            }
            default -> {
                if (before == null) {
                    // The row predates its history (tracking was switched on before this
                    // version kept a baseline): what it was is unknown, so the whole new row is shown.
                    diff.put("old", null);
                    diff.put("new", v.data());
                    break;
                }
                for (Map.Entry<String, Object> e : v.data().entrySet()) {
                    Object was = before.get(e.getKey());
                    if (!StoredRows.same(was, e.getValue())) {
                        Map<String, Object> change = new LinkedHashMap<>();
                        change.put("old", was);
                        change.put("new", e.getValue());
                        diff.put(e.getKey(), change);
                    }
                }
            }
        }
        return diff;
    }

    // --- one row at a moment ---

    /** The row's last version at or before {@code at} (a baseline counts), or null. */
    Version stateAt(TableSchema schema, String rowId, Instant at) {
        SqlStatement.Builder sql = new SqlStatement.Builder().sql("SELECT ").sql(columns("h")).sql(" FROM ").sql(q(InternalNames.historyTable(schema.name())))
                .sql(" h WHERE h.").sql(q("rowId")).sql(" = ").param("?", rowId).sql(" AND h.").sql(q("operation")).sql(" <> '" + TRACKING + "'");
        if (at != null) {
            sql.sql(" AND h.").sql(q("changedAt")).sql(" <= ").param("?", new TypedValue(LogicalType.DATE, at));
        }
        sql.sql(" ORDER BY h.").sql(q("historyId")).sql(" DESC LIMIT 1");
        List<Version> found = versions(schema, sql.build(), null);
        return found.isEmpty() ? null : found.get(0);
    }

    /** When tracking last began; null for a history kept before that was recorded. */
    TrackingStart trackingStart(TableSchema schema) {
        SqlStatement sql = new SqlStatement.Builder().sql("SELECT ").sql(columns("h")).sql(" FROM ").sql(q(InternalNames.historyTable(schema.name())))
                .sql(" h WHERE h.").sql(q("rowId")).sql(" = '' AND h.").sql(q("operation")).sql(" = '" + TRACKING + "' ORDER BY h.").sql(q("historyId"))
                .sql(" DESC LIMIT 1").build();
        return session.withConnection(c -> {
            try (PreparedStatement ps = session.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Object raw = dialect.read(rs, 6, LogicalType.JSON);
                Object rows = raw instanceof Map<?, ?> m ? m.get("rows") : null;
                return new TrackingStart((Instant) dialect.read(rs, 4, LogicalType.DATE), rows instanceof Number n ? n.longValue() : 1);
            }
        });
    }

    // --- shared ---

    private String columns(String alias) {
        return String.join(", ", List.of("historyId", "rowId", "operation", "changedAt", "changedBy", "data").stream().map(c -> alias + "." + q(c)).toList());
    }

    private void appendTimeRange(SqlStatement.Builder sql, Instant start, Instant stop) {
        if (start != null) {
            sql.sql(" AND h.").sql(q("changedAt")).sql(" >= ").param("?", new TypedValue(LogicalType.DATE, start));
        }
        if (stop != null) {
            sql.sql(" AND h.").sql(q("changedAt")).sql(" <= ").param("?", new TypedValue(LogicalType.DATE, stop));
        }
    }

    /**
     * Which part of the history a call reads: {@code limit} / {@code offset}, and by key
     * {@code before} / {@code after} a version (a history id), oldest or newest first
     * ({@code order}). Paging by key reaches any page through the primary key as fast as the
     * first; an offset steps over every change it skips (0.5–3 s at 1,000,000).
     */
    record Page(Long limit, Long offset, Long before, Long after, boolean oldestFirst) {
        private static final List<String> OPTIONS = List.of("limit", "offset", "before", "after", "order");

        /** A call's known options: {@code own} and the page's. */
        static Set<String> withOptions(String... own) {
            Set<String> all = new LinkedHashSet<>(List.of(own));
            all.addAll(OPTIONS);
            return Set.copyOf(all);
        }

        String direction() {
            return oldestFirst ? " ASC" : " DESC";
        }

        /** From a call's options; {@code oldestByDefault} for the versions, newest first for the audit log. */
        static Page of(Map<String, ?> options, boolean oldestByDefault) {
            Object order = options.get("order");
            boolean oldest = oldestByDefault;
            if (order != null) {
                String o = String.valueOf(order);
                if (!o.equalsIgnoreCase("oldest") && !o.equalsIgnoreCase("newest")) {
                    throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'order' is newest or oldest; got '" + Names.printable(o) + "'.");
                }
                oldest = o.equalsIgnoreCase("oldest");
            }
            return new Page(Moments.count(options, "limit"), Moments.count(options, "offset"), Moments.count(options, "before"),
                    Moments.count(options, "after"), oldest);
        }
    }

    /** After a WHERE clause: the page's key range, its order by {@code key} (the history id column), its limit and offset. */
    private void appendPage(SqlStatement.Builder sql, Page page, String key) {
        if (page.before() != null) {
            sql.sql(" AND ").sql(key).sql(" < ").param("?", page.before());
        }
        if (page.after() != null) {
            sql.sql(" AND ").sql(key).sql(" > ").param("?", page.after());
        }
        sql.sql(" ORDER BY ").sql(key).sql(page.direction());
        if (page.limit() == null && page.offset() == null) {
            return;
        }
        sql.sql(" LIMIT ");
        if (page.limit() != null) {
            sql.param("?", page.limit());
        } else {
            sql.sql(dialect.noLimit());
        }
        if (page.offset() != null) {
            sql.sql(" OFFSET ").param("?", page.offset());
        }
    }

    /**
     * Runs a SELECT of {@link #columns}; with {@code previous}, two more columns (the previous
     * version's operation and data) are read into it by historyId, null where there is none or it
     * was a delete.
     */
    private List<Version> versions(TableSchema schema, SqlStatement sql, Map<Long, Map<String, Object>> previous) {
        boolean jsonAsText = dialect.historyKeepsJsonAsText();
        return session.withConnection(c -> {
            List<Version> out = new ArrayList<>();
            try (PreparedStatement ps = session.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object raw = dialect.read(rs, 6, LogicalType.JSON);
                    Version v = new Version(rs.getLong(1), rs.getString(2), rs.getString(3), (Instant) dialect.read(rs, 4, LogicalType.DATE),
                            rs.getString(5), StoredRows.decode(schema, raw, jsonAsText));
                    out.add(v);
                    if (previous != null) {
                        String op = rs.getString(7);
                        if (op != null && !op.equals("delete") && !op.equals(TRACKING)) {
                            previous.put(v.historyId(), StoredRows.decode(schema, dialect.read(rs, 8, LogicalType.JSON), jsonAsText));
                        }
                    }
                }
            }
            return out;
        });
    }
}
