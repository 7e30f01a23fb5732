package dev.tablewright.core.history;

import dev.tablewright.core.base.Dates;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.connect.Session.TypedValue;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.filter.Filter.Condition;
import dev.tablewright.core.filter.FilterCompiler;
import dev.tablewright.core.filter.FilterValue;
import dev.tablewright.core.filter.Operator;
import dev.tablewright.core.query.TableData;
import dev.tablewright.core.schema.DdlStep;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.SchemaManager;
import dev.tablewright.core.schema.TableSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Record history (contract section 8): every version of every row of a tracked table, kept in the
 * database by triggers, so changes by other clients are recorded too. The workbench's own writes
 * are stamped with {@code $USER}; others' have no {@code changedBy}.
 */
public final class History implements Session.WriteHook, SchemaManager.Hooks {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
    private static final Pattern RELATIVE = Pattern.compile("-(\\d+)([smhdw])");

    private final Session session;
    private final Dialect dialect;
    private final SchemaManager schemas;
    private final TableData data;

    public History(Session session, SchemaManager schemas, TableData data) {
        this.session = session;
        this.dialect = session.dialect();
        this.schemas = schemas;
        this.data = data;
    }

    private String q(String name) {
        return dialect.quoteIdentifier(name);
    }

    // --- switching on and off ---

    @Override
    public List<String> setTracking(String table, boolean on) {
        TableSchema schema = schemas.require(table);
        if (!on) {
            List<String> drops = dialect.dropHistoryTriggers(table);
            session.withConnection(c -> {
                execAll(c, drops);
                return null;
            });
            return drops;
        }
        String historyTable = InternalNames.historyTable(table);
        if (historyTable.length() > 63 || InternalNames.historyTrigger(table, "fn_del").length() > 63) {
            throw new TablewrightException(ErrorCode.INVALID_NAME, "The table name '" + table + "' is too long to keep history for (at most 49 characters).");
        }
        if (schema.primaryKey().size() != 1) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "History needs a single-field primary key; '" + table + "' has " + schema.primaryKey() + ".");
        }
        for (String column : schema.fields().keySet()) {
            if (!PLAIN.matcher(column).matches()) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "History cannot track '" + table + "': its column '" + Names.printable(column)
                        + "' is not a plain name (letters, digits, _).");
            }
        }
        List<String> done = new ArrayList<>(dialect.historySupportTables());
        session.withConnection(c -> {
            execAll(c, dialect.historySupportTables());
            return null;
        });
        if (!schemas.exists(historyTable)) {
            Map<String, FieldSpec> fields = new LinkedHashMap<>();
            fields.put("historyId", new FieldSpec(LogicalType.INTEGER, true, false, false, null, true, false, null, null));
            fields.put("rowId", new FieldSpec(LogicalType.STRING, false, false, false, null, false, false, null, null));
            fields.put("operation", new FieldSpec(LogicalType.STRING, false, false, false, null, false, false, null, null));
            fields.put("changedAt", new FieldSpec(LogicalType.DATE, false, false, false, null, false, false, null, null));
            fields.put("changedBy", FieldSpec.of(LogicalType.STRING));
            fields.put("data", FieldSpec.of(LogicalType.JSON));
            done.addAll(schemas.createInternal(historyTable, fields));
            String index = "CREATE INDEX " + q(historyTable + "_row") + " ON " + q(historyTable) + " (" + q("rowId") + ", " + q("historyId") + ")";
            session.withConnection(c -> {
                execAll(c, List.of(index));
                return null;
            });
            done.add(index);
        }
        done.addAll(refresh(table));
        return done;
    }

    /** Re-creates the triggers from the table's current columns (after fields were added). */
    @Override
    public List<String> refresh(String table) {
        schemas.invalidate(table);
        TableSchema schema = schemas.require(table);
        Map<String, LogicalType> columns = new LinkedHashMap<>();
        schema.fields().forEach((k, v) -> columns.put(k, v.type()));
        List<String> statements = new ArrayList<>(dialect.dropHistoryTriggers(table));
        statements.addAll(dialect.historyTriggers(table, InternalNames.historyTable(table), schema.primaryKey().get(0), columns));
        if (dialect.transactionalDdl()) {
            session.inTransaction(c -> {
                execAll(c, statements);
                return null;
            });
        } else {
            session.withConnection(c -> {
                execAll(c, statements);
                return null;
            });
        }
        return statements;
    }

    @Override
    public List<String> ownedTables(String table) {
        return List.of(InternalNames.historyTable(table));
    }

    @Override
    public List<String> beforeDrop(String table) {
        return dialect.dropHistoryTriggers(table);
    }

    /** A tracked table's triggers go before it is renamed; they are made again for the new name after. */
    @Override
    public List<DdlStep> beforeRename(String from, String to) {
        TableSchema schema = schemas.require(from);
        if (!schema.options().trackHistory()) {
            return List.of();
        }
        if (InternalNames.historyTable(to).length() > 63 || InternalNames.historyTrigger(to, "fn_del").length() > 63) {
            throw new TablewrightException(ErrorCode.INVALID_NAME, "'" + from + "' keeps history, so its new name can have at most 49 characters.");
        }
        return List.of(new DdlStep(dialect.dropHistoryTriggers(from), triggers(from, schema)));
    }

    /** The history table was renamed with the table ({@link #ownedTables}); its index and triggers follow. */
    @Override
    public List<DdlStep> afterRename(String from, String to) {
        TableSchema schema = schemas.require(from);
        List<DdlStep> steps = new ArrayList<>();
        if (schemas.exists(InternalNames.historyTable(from))) {
            List<String> columns = List.of("rowId", "historyId");
            steps.add(new DdlStep(dialect.renameIndex(InternalNames.historyTable(to), InternalNames.historyTable(from) + "_row", InternalNames.historyTable(to) + "_row", columns),
                    dialect.renameIndex(InternalNames.historyTable(to), InternalNames.historyTable(to) + "_row", InternalNames.historyTable(from) + "_row", columns)));
        }
        if (schema.options().trackHistory()) {
            steps.add(new DdlStep(triggers(to, schema), dialect.dropHistoryTriggers(to)));
        }
        return steps;
    }

    private List<String> triggers(String table, TableSchema schema) {
        Map<String, LogicalType> columns = new LinkedHashMap<>();
        schema.fields().forEach((k, v) -> columns.put(k, v.type()));
        return dialect.historyTriggers(table, InternalNames.historyTable(table), schema.primaryKey().get(0), columns);
    }

    private static void execAll(Connection c, List<String> statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    // --- who wrote ---

    private boolean tracked(String table) {
        try {
            return schemas.require(table).options().trackHistory();
        } catch (TablewrightException e) {
            return false;
        }
    }

    @Override
    public Object before(Connection c, String table) throws SQLException {
        if (!tracked(table)) {
            return null;
        }
        for (SqlStatement s : dialect.setActor(session.user())) {
            try (PreparedStatement ps = session.prepare(c, s)) {
                ps.execute();
            }
        }
        return Boolean.TRUE;
    }

    @Override
    public void after(Connection c, String table, Object token) throws SQLException {
        if (token == null) {
            return;
        }
        for (SqlStatement s : dialect.endActor()) {
            try (PreparedStatement ps = session.prepare(c, s)) {
                ps.execute();
            }
        }
    }

    /**
     * Where the dialect can, the history of the workbench's own bulk insert is written apart from
     * the row trigger, which stands aside meanwhile: SQLite by one INSERT … SELECT after it (by
     * rowid), MariaDB batch by batch from the rows each batch wrote. Others' inserts still fire
     * the trigger.
     */
    @Override
    public <T> T bulkInsert(Connection c, String table, Session.BulkWork<T> insertion) throws SQLException {
        if (!tracked(table)) {
            return insertion.run(c, null);
        }
        TableSchema schema = schemas.require(table);
        if (!schema.managed()) {
            return insertion.run(c, null);
        }
        String key = schema.primaryKey().get(0);
        Map<String, LogicalType> columns = new LinkedHashMap<>();
        schema.fields().forEach((k, v) -> columns.put(k, v.type()));
        if (dialect.historyBulkCapture()) {
            return captureAfter(c, table, key, columns, insertion);
        }
        FieldSpec keySpec = schema.fields().get(key);
        // rowId is the key as the trigger's CAST(… AS CHAR) writes it, which Java's text matches for these types.
        boolean plainKey = keySpec.type() == LogicalType.STRING || keySpec.type() == LogicalType.INTEGER;
        if (keySpec.autoIncrement() || !plainKey || !dialect.historyCaptureRows(c, table)) {
            return insertion.run(c, null);
        }
        String user = session.user();
        run(c, dialect.startBulkCapture());
        try (PreparedStatement capture = c.prepareStatement(dialect.historyRowInsert(InternalNames.historyTable(table)))) {
            return insertion.run(c, (written, rows) -> {
                int[] at = columns.keySet().stream().mapToInt(written::indexOf).toArray();
                int keyAt = written.indexOf(key);
                for (Object[] row : rows) {
                    capture.setString(1, keyAt < 0 || row[keyAt] == null ? null : String.valueOf(row[keyAt]));
                    capture.setString(2, user);
                    capture.setString(3, rowJson(columns, at, row));
                    capture.addBatch();
                }
                capture.executeBatch();
            });
        } finally {
            run(c, dialect.endBulkCapture());
        }
    }

    /** The row as the insert trigger would have written it: every column, null where none was written. */
    private String rowJson(Map<String, LogicalType> columns, int[] at, Object[] row) {
        StringBuilder json = new StringBuilder(256).append('{');
        int i = 0;
        for (Map.Entry<String, LogicalType> column : columns.entrySet()) {
            Object v = at[i] < 0 ? null : row[at[i]];
            json.append(i++ == 0 ? "\"" : ", \"").append(column.getKey()).append("\": ");
            if (v != null && (column.getValue() == LogicalType.JSON || column.getValue() == LogicalType.JSONB)) {
                json.append((String) v);
                continue;
            }
            Object stored = v == null ? null : dialect.historyJsonValue(column.getValue(), v);
            if (stored instanceof String text) {
                quote(json, text);
            } else if (stored == null || stored instanceof Long || stored instanceof Boolean || stored instanceof Double d && Double.isFinite(d)) {
                json.append(stored);
            } else {
                json.append(Json.write(stored));
            }
        }
        return json.append('}').toString();
    }

    /** A JSON string, escaped here rather than by a Jackson generator made for every value. */
    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }

    private <T> T captureAfter(Connection c, String table, String key, Map<String, LogicalType> columns, Session.BulkWork<T> insertion) throws SQLException {
        long mark;
        try (PreparedStatement ps = session.prepare(c, dialect.bulkCaptureMark(table)); ResultSet rs = ps.executeQuery()) {
            rs.next();
            mark = rs.getLong(1);
        }
        run(c, dialect.startBulkCapture());
        T result;
        try {
            result = insertion.run(c, null);
        } finally {
            run(c, dialect.endBulkCapture());
        }
        try (PreparedStatement ps = c.prepareStatement(dialect.historyBulkInsert(table, InternalNames.historyTable(table), key, columns))) {
            ps.setString(1, session.user());
            ps.setLong(2, mark);
            ps.executeUpdate();
        }
        return result;
    }

    private void run(Connection c, List<SqlStatement> statements) throws SQLException {
        for (SqlStatement s : statements) {
            try (PreparedStatement ps = session.prepare(c, s)) {
                ps.execute();
            }
        }
    }

    @Override
    public void cleanup(Connection c, String table, Object token) {
        if (token == null) {
            return;
        }
        for (SqlStatement s : dialect.clearActor()) {
            try (PreparedStatement ps = session.prepare(c, s)) {
                ps.execute();
            } catch (SQLException ignored) {
                // the connection is going back to the pool; a failure here loses nothing
            }
        }
    }

    // --- reading ---

    /** One version of a row, oldest first. */
    public List<Map<String, Object>> historicalData(String table, Filter filter, String start, String stop) {
        TableSchema schema = requireTracked(table);
        List<Version> versions = versions(schema, filter, start, stop, null);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Version v : versions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operation", v.operation());
            m.put("changedAt", v.changedAt());
            m.put("changedBy", v.changedBy());
            m.put("data", v.data());
            out.add(m);
        }
        return out;
    }

    /** The same store as changes, newest first (contract section 10). */
    public List<Map<String, Object>> auditLog(String table, Map<String, ?> options) {
        TableSchema schema = requireTracked(table);
        Map<String, ?> o = options == null ? Map.of() : options;
        for (String key : o.keySet()) {
            if (!Set.of("id", "actorId", "action", "changedField", "start", "stop").contains(key)) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Unknown option '" + key + "'. Known: id, actorId, action, changedField, start, stop.");
            }
        }
        String pk = schema.primaryKey().get(0);
        Filter filter = o.get("id") == null ? null : Condition.of(pk, Operator.EQ, FilterValue.of(o.get("id")));
        List<Version> all = versions(schema, filter, null, null, o.get("id"));
        Instant from = o.get("start") == null ? null : instant(String.valueOf(o.get("start")), "start");
        Instant to = o.get("stop") == null ? null : instant(String.valueOf(o.get("stop")), "stop");
        Map<String, Map<String, Object>> previous = new LinkedHashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Version v : all) {
            Map<String, Object> before = previous.get(v.rowId());
            Map<String, Object> diff = new LinkedHashMap<>();
            String action;
            switch (v.operation()) {
                case "insert" -> {
                    action = "CREATE";
                    diff.put("old", null);
                    diff.put("new", v.data());
                }
                case "delete" -> {
                    action = "DELETE";
                    diff.put("old", v.data());
                    diff.put("new", null);
                }
                default -> {
                    action = "UPDATE";
                    if (before == null) {
                        // The row predates its history (tracking was switched on later): what it
                        // was is unknown, so the whole new row is shown, as for a create.
                        diff.put("old", null);
                        diff.put("new", v.data());
                        break;
                    }
                    Map<String, Object> old = before;
                    for (Map.Entry<String, Object> e : v.data().entrySet()) {
                        Object was = old.get(e.getKey());
                        if (!same(was, e.getValue())) {
                            Map<String, Object> change = new LinkedHashMap<>();
                            change.put("old", was);
                            change.put("new", e.getValue());
                            diff.put(e.getKey(), change);
                        }
                    }
                }
            }
            previous.put(v.rowId(), v.operation().equals("delete") ? null : v.data());
            boolean keep = (o.get("actorId") == null || String.valueOf(o.get("actorId")).equals(v.changedBy()))
                    && (o.get("action") == null || String.valueOf(o.get("action")).equalsIgnoreCase(action))
                    && (o.get("changedField") == null || action.equals("UPDATE") && before != null && diff.containsKey(String.valueOf(o.get("changedField"))))
                    && (from == null || !v.changedAt().isBefore(from)) && (to == null || !v.changedAt().isAfter(to));
            if (keep) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("action", action);
                entry.put("id", v.rowId());
                entry.put("actorId", v.changedBy());
                entry.put("createdAt", v.changedAt());
                entry.put("diff", diff);
                out.add(entry);
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return java.util.Arrays.equals(x, y);
        }
        return java.util.Objects.equals(a, b);
    }

    private TableSchema requireTracked(String table) {
        TableSchema schema = schemas.require(table);
        if (!schema.options().trackHistory() && !schemas.exists(InternalNames.historyTable(table))) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Table '" + table + "' keeps no history; define it with options {trackHistory: true}.");
        }
        return schema;
    }

    record Version(long historyId, String rowId, String operation, Instant changedAt, String changedBy, Map<String, Object> data) {
    }

    private List<Version> versions(TableSchema schema, Filter filter, String start, String stop, Object id) {
        String pk = schema.primaryKey().get(0);
        List<String> ids = idsFor(schema, filter, id);
        SqlStatement.Builder sql = new SqlStatement.Builder().sql("SELECT ").sql(q("historyId")).sql(", ").sql(q("rowId")).sql(", ")
                .sql(q("operation")).sql(", ").sql(q("changedAt")).sql(", ").sql(q("changedBy")).sql(", ").sql(q("data"))
                .sql(" FROM ").sql(q(InternalNames.historyTable(schema.name()))).sql(" WHERE 1 = 1");
        if (ids != null) {
            if (ids.isEmpty()) {
                return List.of();
            }
            sql.sql(" AND ").sql(q("rowId")).sql(" IN (");
            for (int i = 0; i < ids.size(); i++) {
                sql.sql(i == 0 ? "" : ", ").param("?", ids.get(i));
            }
            sql.sql(")");
        }
        if (start != null) {
            sql.sql(" AND ").sql(q("changedAt")).sql(" >= ").param("?", new TypedValue(LogicalType.DATE, instant(start, "start")));
        }
        if (stop != null) {
            sql.sql(" AND ").sql(q("changedAt")).sql(" <= ").param("?", new TypedValue(LogicalType.DATE, instant(stop, "stop")));
        }
        sql.sql(" ORDER BY ").sql(q("historyId"));
        return session.withConnection(c -> {
            List<Version> out = new ArrayList<>();
            try (PreparedStatement ps = session.prepare(c, sql.build()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object raw = dialect.read(rs, 6, LogicalType.JSON);
                    out.add(new Version(rs.getLong(1), rs.getString(2), rs.getString(3), (Instant) dialect.read(rs, 4, LogicalType.DATE),
                            rs.getString(5), decode(schema, raw, dialect.historyKeepsJsonAsText())));
                }
            }
            return out;
        });
    }

    /** The row ids a filter names: from the table, and from the filter itself for deleted rows. */
    private List<String> idsFor(TableSchema schema, Filter filter, Object id) {
        String pk = schema.primaryKey().get(0);
        if (id != null) {
            return List.of(String.valueOf(id));
        }
        if (filter == null || filter.isEmpty()) {
            return null;
        }
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
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

    /** A stored row back in logical types, whatever JSON the dialect's trigger made of it. */
    private static Map<String, Object> decode(TableSchema schema, Object raw, boolean jsonAsText) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!(raw instanceof Map<?, ?> m)) {
            return out;
        }
        m.forEach((k, v) -> {
            FieldSpec spec = schema.fields().get(String.valueOf(k));
            out.put(String.valueOf(k), spec == null ? v : value(spec.type(), v, jsonAsText));
        });
        return out;
    }

    private static Object value(LogicalType type, Object v, boolean jsonAsText) {
        if (v == null) {
            return null;
        }
        return switch (type) {
            case STRING, TEXT -> v instanceof String ? v : Json.write(v);
            case INTEGER -> v instanceof Number n ? (Object) n.longValue() : Long.valueOf(v.toString());
            case NUMBER -> v instanceof Number n ? (Object) n.doubleValue() : Double.valueOf(v.toString());
            case BOOLEAN -> v instanceof Boolean b ? b : v instanceof Number n ? n.intValue() != 0 : Boolean.valueOf("true".equalsIgnoreCase(v.toString()) || "1".equals(v.toString()));
            case DATE -> Dates.parse(v.toString()).map(Object.class::cast).orElse(v);
            case JSON, JSONB -> v instanceof String s && jsonAsText ? parsedOrText(s) : v;
            case FILE -> {
                String hex = v.toString();
                if (hex.startsWith("\\x")) {
                    hex = hex.substring(2);
                }
                yield HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
            }
        };
    }

    /** JSON text as its value; text another client stored that is not JSON stays text. */
    private static Object parsedOrText(String s) {
        try {
            return Json.read(s);
        } catch (TablewrightException e) {
            return s;
        }
    }

    /** {@code now}, {@code -30s -15m -1h -7d -2w}, or ISO-8601. */
    static Instant instant(String text, String what) {
        String t = text.trim();
        if (t.equalsIgnoreCase("now")) {
            return Instant.now();
        }
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            long seconds = switch (m.group(2)) {
                case "s" -> n;
                case "m" -> n * 60;
                case "h" -> n * 3600;
                case "d" -> n * 86_400;
                default -> n * 604_800;
            };
            return Instant.now().minusSeconds(seconds);
        }
        return Dates.parse(t).orElseThrow(() -> new TablewrightException(ErrorCode.INVALID_ARGUMENT,
                "'" + what + "' is now, a relative time such as -30s, -15m, -1h, -7d, -2w, or an ISO-8601 date; got '" + Names.printable(t) + "'."));
    }
}
