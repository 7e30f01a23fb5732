package dev.tablewright.core.history;

import dev.tablewright.core.base.Dates;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.connect.Session.TypedValue;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.query.ReadOptions;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Record history (contract section 8): every version of every row of a tracked table, kept in the
 * database by triggers, so changes by other clients are recorded too. The workbench's own writes
 * are stamped with {@code $USER}; others' have no {@code changedBy}.
 */
public final class History implements Session.WriteHook, SchemaManager.Hooks {
    private static final Set<String> HISTORICAL_OPTIONS = HistoryReads.Page.withOptions("filter", "start", "stop");

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

    private final Session session;
    private final Dialect dialect;
    private final SchemaManager schemas;
    private final BulkCapture bulk;
    private final HistoryReads reads;
    private final TimeTravel travel;
    private final Restore restore;

    public History(Session session, SchemaManager schemas, TableData data) {
        this.session = session;
        this.dialect = session.dialect();
        this.schemas = schemas;
        this.bulk = new BulkCapture(session);
        this.reads = new HistoryReads(session, schemas, data);
        this.travel = new TimeTravel(session, data, reads);
        this.restore = new Restore(data, reads, travel);
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
        if (!canKeepHistory(table)) {
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
            // One row's versions; the changes of a kind after a moment (asOf: the updates and deletes since).
            List<String> indexes = List.of("CREATE INDEX " + q(historyTable + "_row") + " ON " + q(historyTable) + " (" + q("rowId") + ", " + q("historyId") + ")",
                    dialect.historyChangesIndex(historyTable, historyTable + "_at"));
            session.withConnection(c -> {
                execAll(c, indexes);
                return null;
            });
            done.addAll(indexes);
        }
        done.addAll(refresh(table));
        done.addAll(markStart(table));
        return done;
    }

    /**
     * Records when tracking began, with every row the table holds then as its baseline (not a
     * change): the first change of each afterwards shows only what changed, and the table can be
     * read as it stood at any moment since (contract section 10.1).
     */
    private List<String> markStart(String table) {
        TableSchema schema = schemas.require(table);
        String historyTable = InternalNames.historyTable(table);
        Map<String, LogicalType> columns = new LinkedHashMap<>();
        schema.fields().forEach((k, v) -> columns.put(k, v.type()));
        String snapshot = dialect.historySnapshot(table, historyTable, schema.primaryKey().get(0), columns);
        String marker = "INSERT INTO " + q(historyTable) + " (" + q("rowId") + ", " + q("operation") + ", " + q("changedAt") + ", " + q("changedBy") + ", "
                + q("data") + ") VALUES ('', ?, ?, ?, " + dialect.placeholder(LogicalType.JSON) + ")";
        session.inTransaction(c -> {
            Instant at;
            try (PreparedStatement ps = c.prepareStatement(dialect.historyClock()); ResultSet rs = ps.executeQuery()) {
                rs.next();
                at = Dates.truncate((Instant) dialect.read(rs, 1, LogicalType.DATE));
            }
            int rows;
            try (PreparedStatement ps = session.prepare(c, SqlStatement.of(snapshot, HistoryReads.BASELINE, new TypedValue(LogicalType.DATE, at)))) {
                rows = ps.executeUpdate();
            }
            try (PreparedStatement ps = session.prepare(c, SqlStatement.of(marker, HistoryReads.TRACKING, new TypedValue(LogicalType.DATE, at),
                    session.user(), "{\"rows\": " + rows + "}"))) {
                ps.executeUpdate();
            }
            return null;
        });
        return List.of(snapshot, marker);
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

    /**
     * Whether the names history derives from the table (its table, its triggers) fit every
     * dialect's 63-character limit. A longer table name never had history, and dropping what it
     * would be called is itself refused on MariaDB (the name is too long even to look for).
     */
    private static boolean canKeepHistory(String table) {
        return InternalNames.historyTable(table).length() <= 63 && InternalNames.historyTrigger(table, "fn_del").length() <= 63;
    }

    @Override
    public List<String> ownedTables(String table) {
        return canKeepHistory(table) ? List.of(InternalNames.historyTable(table)) : List.of();
    }

    @Override
    public List<String> beforeDrop(String table) {
        return canKeepHistory(table) ? dialect.dropHistoryTriggers(table) : List.of();
    }

    /** A tracked table's triggers go before it is renamed; they are made again for the new name after. */
    @Override
    public List<DdlStep> beforeRename(String from, String to) {
        TableSchema schema = schemas.require(from);
        if (!schema.options().trackHistory()) {
            return List.of();
        }
        if (!canKeepHistory(to)) {
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
            // Histories made before the changedAt index have none.
            if (hasIndex(InternalNames.historyTable(from), InternalNames.historyTable(from) + "_at")) {
                String hist = InternalNames.historyTable(to);
                steps.add(new DdlStep(dialect.renameHistoryChangesIndex(hist, InternalNames.historyTable(from) + "_at", hist + "_at"),
                        dialect.renameHistoryChangesIndex(hist, hist + "_at", InternalNames.historyTable(from) + "_at")));
            }
        }
        if (schema.options().trackHistory()) {
            steps.add(new DdlStep(triggers(to, schema), dialect.dropHistoryTriggers(to)));
        }
        return steps;
    }

    private boolean hasIndex(String table, String index) {
        return session.withConnection(c -> {
            try (ResultSet rs = c.getMetaData().getIndexInfo(c.getCatalog(), null, table, false, true)) {
                while (rs.next()) {
                    if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
            return false;
        });
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

    /** The workbench's own bulk insert into a tracked table it made records its history apart from the row trigger ({@link BulkCapture}). */
    @Override
    public <T> T bulkInsert(Connection c, String table, Session.BulkWork<T> insertion) throws SQLException {
        if (!tracked(table)) {
            return insertion.run(c, null);
        }
        TableSchema schema = schemas.require(table);
        if (!schema.managed()) {
            return insertion.run(c, null);
        }
        return bulk.insert(c, schema, insertion);
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

    // --- reading and restoring (contract sections 8, 10 and 10.1) ---

    /**
     * Versions of the rows {@code filter} names (parsed from options.filter by the caller), oldest
     * first; options filter, start, stop, limit, offset, before, after, order, applied by the database.
     */
    public List<Map<String, Object>> historicalData(String table, Map<String, ?> options, Filter filter) {
        for (String key : options.keySet()) {
            if (!HISTORICAL_OPTIONS.contains(key)) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Unknown option '" + Names.printable(key)
                        + "'. Known: filter, start, stop, limit, offset, before, after, order.");
            }
        }
        return reads.historicalData(table, filter, Moments.optional(options, "start"), Moments.optional(options, "stop"),
                HistoryReads.Page.of(options, true));
    }

    /** The same store as changes, newest first: options id, actorId, action, changedField, start, stop, limit, offset. */
    public List<Map<String, Object>> auditLog(String table, Map<String, ?> options) {
        return reads.auditLog(table, options);
    }

    /** The rows of a tracked table as they stood at {@code options.asOf()}. */
    public List<Map<String, Object>> readAsOf(String table, ReadOptions options) {
        return travel.read(table, options);
    }

    /** How many rows of a tracked table, matching the filter, stood at {@code options.asOf()}. */
    public long countAsOf(String table, ReadOptions options) {
        return travel.count(table, options);
    }

    /** Writes back the values a row had at {@code options.asOf}, all fields or {@code options.fields}; returns the row as stored. */
    public Map<String, Object> restoreRow(String table, Object id, Map<String, ?> options) {
        return restore.restore(table, id, options);
    }
}
