package dev.tablewright.core;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.base.UserVariable;
import dev.tablewright.core.base.Values;
import dev.tablewright.core.connect.ConnectOptions;
import dev.tablewright.core.connect.ConnectionEvent;
import dev.tablewright.core.connect.ConnectionWatch;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.history.History;
import dev.tablewright.core.query.AutoSchema;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.query.TableData;
import dev.tablewright.core.relation.LinkedRows;
import dev.tablewright.core.relation.Relations;
import dev.tablewright.core.relation.RelationshipPlan;
import dev.tablewright.core.schema.SchemaManager;
import dev.tablewright.core.schema.TableChangePlan;
import dev.tablewright.core.schema.TableChangeRisk;
import dev.tablewright.core.schema.TableChanges;
import dev.tablewright.core.schema.TableDesign;
import dev.tablewright.core.schema.TableSchema;
import dev.tablewright.core.sql.CancelHook;
import dev.tablewright.core.sql.QueryResult;
import dev.tablewright.core.sql.RawSql;
import dev.tablewright.core.sql.ResultPage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The connector: one object per connection, whose methods are the reference's function names
 * (see CONNECTOR.md). Values go in and come out as plain Java: String, Long, Double, Boolean,
 * {@link java.time.Instant} for dates, byte[] for files, Map/List for JSON. {@link Json#MAPPER}
 * writes them as the contract's JSON.
 */
public final class Connector implements AutoCloseable {
    /** The value that stands for the current user anywhere in data, keys and filters. */
    public static final String USER_VARIABLE = UserVariable.NAME;

    private Session session;
    private SchemaManager schemas;
    private TableData data;
    private RawSql raw;
    private Relations relations;
    private History history;
    private TableChanges tableChanges;
    private final ConnectionWatch watch = new ConnectionWatch();

    /** A connector not yet connected: call {@link #create}. */
    public Connector() {
    }

    /** Connects at once. */
    public static Connector connect(ConnectOptions options) {
        Connector c = new Connector();
        c.create(options);
        return c;
    }

    // --- connection & database ---

    /** Opens the connection (closing one already open); {@code CONNECTION_FAILED} with the reason otherwise. */
    public synchronized boolean create(ConnectOptions options) {
        Session opened = Session.open(options, watch);
        close();
        session = opened;
        schemas = new SchemaManager(session);
        data = new TableData(session, schemas);
        raw = new RawSql(session);
        relations = new Relations(session, schemas);
        history = new History(session, schemas, data);
        schemas.hooks(history);
        tableChanges = new TableChanges(session, schemas);
        session.writeHook(history);
        watch.succeeded();
        return true;
    }

    /**
     * Tells {@code listener} when a call fails because the database cannot be reached
     * ({@link ConnectionEvent.Kind#LOST}, with the reason) and when a later call works again
     * ({@link ConnectionEvent.Kind#RESTORED}); the two alternate. Plain SQL errors say nothing
     * about the connection. The listener runs on the calling thread, inside the call: keep it short.
     */
    public void onConnectionEvent(Consumer<ConnectionEvent> listener) {
        watch.listen(listener);
    }

    public boolean create(Map<String, ?> options) {
        return create(ConnectOptions.fromMap(options));
    }

    public boolean isConnected() {
        Session s = session;
        return s != null && s.isOpen() && s.ping();
    }

    private Session session() {
        Session s = session;
        if (s == null || !s.isOpen()) {
            throw new TablewrightException(ErrorCode.NOT_CONNECTED, "Not connected: call create with the connection options first.");
        }
        return s;
    }

    public Dialect dialect() {
        return session().dialect();
    }

    /**
     * The database's name as a person would type it to confirm resetting it: the file name of a
     * SQLite database, else the database the connection opened.
     */
    public String databaseName() {
        String db = session().options().database();
        if (db == null) {
            return dialect().name();
        }
        Path file = Path.of(db).getFileName();
        return file == null ? db : file.toString();
    }

    /** The name {@code $USER} stands for on this connection. */
    public String currentUser() {
        return session().user();
    }

    public List<String> getAllTables() {
        session();
        return schemas.tables();
    }

    /** Drops every table, view and trigger: the database is empty afterwards. */
    public boolean reset() {
        Session s = session();
        s.withConnection(c -> {
            s.dialect().dropEverything(c);
            return null;
        });
        schemas.invalidate();
        return true;
    }

    // --- schema ---

    public TableSchema defineTable(String name, Map<String, ?> fields, Map<String, ?> options) {
        session();
        return schemas.define(name, fields, options);
    }

    public TableSchema defineTable(String name, Map<String, ?> fields) {
        return defineTable(name, fields, null);
    }

    public TableSchema getTableSchema(String name) {
        userTables(name);
        schemas.invalidate(name);
        return schemas.require(name);
    }

    /**
     * The schema of every table (beyond the reference), sorted as {@link #getAllTables}: what
     * {@code getTableSchema} gives for each, read in one pass, for a view of the whole database.
     */
    public List<TableSchema> getTableSchemas() {
        session();
        schemas.invalidate();
        return schemas.requireAll();
    }

    public boolean deleteTable(String name) {
        userTables(name);
        schemas.drop(name);
        return true;
    }

    /**
     * Gives a table a new name (beyond the reference): its rows, history, relationships and
     * many-to-many junctions follow it, all or nothing. Returns the schema under the new name.
     */
    public TableSchema renameTable(String from, String to) {
        userTables(from);
        return schemas.rename(from, to);
    }

    // --- changing tables (the table designer; beyond the reference) ---

    /**
     * The statements that would turn the table into the design on this connection, computed
     * without running anything: for a new table, or an existing one whose fields are added,
     * renamed, dropped, retyped, or made unique / required or not.
     */
    public TableChangePlan planTableChange(TableDesign design) {
        session();
        return tableChanges.plan(design);
    }

    /** The statements the same design would run on another dialect (sqlite, postgres, mysql, mariadb). */
    public TableChangePlan planTableChange(TableDesign design, String dialect) {
        session();
        return tableChanges.planFor(design, dialect);
    }

    /** What the change would do to existing rows: values lost (needs confirming) or rows the database would refuse. */
    public List<TableChangeRisk> checkTableChange(TableDesign design) {
        session();
        return tableChanges.risks(design);
    }

    /**
     * Applies the design in one transaction and returns the new schema, its {@code changes} saying
     * what was done. A change that loses data runs only with {@code acceptDataLoss}.
     */
    public TableSchema applyTableChange(TableDesign design, boolean acceptDataLoss) {
        session();
        return tableChanges.apply(design, acceptDataLoss);
    }

    // --- reading ---

    /** The rows of a table; with {@code asOf}, as they stood at that moment (section 10.1, tracked tables). */
    public List<Map<String, Object>> getTableData(String name, ReadOptions options) {
        userTables(name);
        if (options != null && options.asOf() != null) {
            return history.readAsOf(name, withUser(options));
        }
        return data.read(name, withUser(options));
    }

    public List<Map<String, Object>> getTableData(String name) {
        return getTableData(name, ReadOptions.none());
    }

    /** A query over several tables: the join is written in the filter, fields and keys are table.field. */
    public List<Map<String, Object>> getTableData(List<String> names, ReadOptions options) {
        userTables(names);
        if (names != null && names.size() == 1) {
            return getTableData(names.get(0), options);
        }
        if (options != null && options.asOf() != null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'asOf' reads one table as it stood; a query over several tables reads them as they are.");
        }
        return data.readJoined(names == null ? List.of() : names, withUser(options));
    }

    public Map<String, Object> findRow(String table, ReadOptions options) {
        userTables(table);
        if (options != null && options.asOf() != null) {
            List<Map<String, Object>> rows = history.readAsOf(table, withUser(options).withLimit(1));
            return rows.isEmpty() ? null : rows.get(0);
        }
        return data.findOne(table, withUser(options));
    }

    /** The rows the filter matches; with {@code limit} set, counting stops there (at most {@code limit}). */
    public long countRows(String name, ReadOptions options) {
        userTables(name);
        if (options != null && options.asOf() != null) {
            return history.countAsOf(name, withUser(options));
        }
        return data.count(name, withUser(options));
    }

    /** The rows a query over several tables matches (the join written in the filter); {@code limit} caps the count. */
    public long countRows(List<String> names, ReadOptions options) {
        userTables(names);
        if (names != null && names.size() == 1) {
            return countRows(names.get(0), options);
        }
        return data.countJoined(names == null ? List.of() : names, withUser(options));
    }

    // --- writing ---

    public Map<String, Object> addRow(String table, Map<String, ?> row) {
        userTables(table);
        return data.insert(table, userMap(row));
    }

    public int addRows(String table, List<? extends Map<String, ?>> rows) {
        userTables(table);
        if (rows == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "addRows needs data: an array of rows.");
        }
        // $USER is replaced as each value is converted, not by copying every row first (a profile of
        // a PostgreSQL bulk load put that walk at 12% of its client CPU).
        return data.insertAll(table, rows, session().user());
    }

    public Map<String, Object> upsertRow(String table, Map<String, ?> row, Map<String, ?> uniqueKey) {
        userTables(table);
        return data.upsert(table, userMap(row), userMap(uniqueKey));
    }

    public Map<String, Object> changeRow(String table, Object id, Map<String, ?> row, boolean patch) {
        userTables(table);
        return data.change(table, user(id), userMap(row), patch);
    }

    public Map<String, Object> changeRow(String table, Object id, Map<String, ?> row) {
        return changeRow(table, id, row, false);
    }

    public Map<String, Object> updateRow(String table, Map<String, ?> row) {
        session();
        return data.changeWithIdInData(table, userMap(row), false);
    }

    public Map<String, Object> patchRow(String table, Map<String, ?> row) {
        session();
        return data.changeWithIdInData(table, userMap(row), true);
    }

    public boolean deleteRow(String table, Object id) {
        userTables(table);
        return data.delete(table, user(id));
    }

    public long clearTable(String name) {
        userTables(name);
        return data.clear(name);
    }

    // --- history ---

    /**
     * Versions of the rows the filter names, oldest first: {operation, changedAt, changedBy, data};
     * options filter, start, stop, limit, offset.
     */
    public List<Map<String, Object>> getHistoricalData(String name, Map<String, ?> options) {
        userTables(name);
        Map<String, ?> o = options == null ? Map.of() : options;
        return history.historicalData(name, o, Filter.parse(o.get("filter")).withUser(session().user()));
    }

    /**
     * The history as changes, newest first: {action, id, actorId, createdAt, diff, version}; options
     * id, actorId, action, changedField, start, stop, limit, offset, and for paging by key
     * before / after (a version) and order (newest or oldest first).
     */
    public List<Map<String, Object>> getAuditLog(String name, Map<String, ?> options) {
        userTables(name);
        return history.auditLog(name, userMap(options));
    }

    /**
     * Writes back the values a row of a tracked table had at {@code options.asOf}, all fields or
     * those in {@code options.fields}; a row deleted since comes back with its id. Itself a recorded
     * change; returns the row as stored (section 10.1).
     */
    public Map<String, Object> restoreRow(String table, Object id, Map<String, ?> options) {
        userTables(table);
        return history.restoreRow(table, user(id), userMap(options));
    }

    // --- auto-schema ---

    /** addRows that creates the table and adds missing columns from the values; never narrows a column. */
    public int autoAddRows(String table, List<? extends Map<String, ?>> rows) {
        userTables(table);
        List<Map<String, ?>> withUser = new ArrayList<>();
        if (rows != null) {
            for (Map<String, ?> r : rows) {
                withUser.add(userMap(r));
            }
        }
        return new AutoSchema(schemas, data).addRows(table, rows == null ? null : withUser);
    }

    /** upsertRow that creates the table and adds missing columns from the values. */
    public Map<String, Object> autoUpsertRow(String table, Map<String, ?> row, Map<String, ?> uniqueKey) {
        userTables(table);
        return new AutoSchema(schemas, data).upsertRow(table, userMap(row), userMap(uniqueKey));
    }

    // --- relationships ---

    /** A child has zero or one parent (nullable foreign key, ON DELETE SET NULL); returns the field name. */
    public String optionallyHasOne(String childTable, String parentTable, String role) {
        userTables(childTable, parentTable);
        return relations.optionallyHasOne(childTable, parentTable, role);
    }

    /** A child has exactly one parent (NOT NULL foreign key, ON DELETE RESTRICT); returns the field name. */
    public String mandatorilyHasOne(String childTable, String parentTable, String role) {
        userTables(childTable, parentTable);
        return relations.mandatorilyHasOne(childTable, parentTable, role);
    }

    /** Many-to-many through a hidden junction table; returns its name. */
    public String optionallyHasMany(String childTable, String parentTable) {
        userTables(childTable, parentTable);
        return relations.optionallyHasMany(childTable, parentTable);
    }

    /**
     * Removes a relationship (CONNECTOR.md 10.2): the foreign key that optionallyHasOne /
     * mandatorilyHasOne made (options {@code role}: which one; {@code keepField: true}: the field stays
     * with its values), or the many-to-many junction between the two tables, in either order. Works
     * on foreign keys other tools made (their field named through {@code role}). Returns the removed
     * field's or junction's name; {@code NOT_FOUND} when there is no such relationship.
     */
    public String removeRelationship(String childTable, String parentTable, Map<String, ?> options) {
        userTables(childTable, parentTable);
        RemoveOptions o = RemoveOptions.of(options);
        String removed = relations.remove(childTable, parentTable, o.role(), o.keepField());
        schemas.invalidate();
        return removed;
    }

    /** What {@link #removeRelationship} would run, without running it (the diagram's confirmation shows it). */
    public RelationshipPlan planRemoveRelationship(String childTable, String parentTable, Map<String, ?> options) {
        userTables(childTable, parentTable);
        RemoveOptions o = RemoveOptions.of(options);
        return relations.planRemoval(childTable, parentTable, o.role(), o.keepField());
    }

    /**
     * What optionallyHasOne ({@code optional}), mandatorilyHasOne ({@code mandatory}) or
     * optionallyHasMany ({@code manyToMany}) would run, without running it: the field or junction it
     * names and its statements. Refused with the same error the call would give.
     */
    public RelationshipPlan planRelationship(String childTable, String parentTable, String kind, String role) {
        userTables(childTable, parentTable);
        return relations.plan(childTable, parentTable, Relations.Kind.parse(kind), role);
    }

    private record RemoveOptions(String role, boolean keepField) {
        static RemoveOptions of(Map<String, ?> options) {
            Map<String, ?> o = options == null ? Map.of() : options;
            for (String key : o.keySet()) {
                if (!Set.of("role", "keepField").contains(key)) {
                    throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Unknown option '" + key + "'. Known: role, keepField.");
                }
            }
            Object keep = o.get("keepField");
            if (keep != null && !(keep instanceof Boolean)) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "keepField is true or false.");
            }
            return new RemoveOptions(o.get("role") == null ? null : String.valueOf(o.get("role")), Boolean.TRUE.equals(keep));
        }
    }

    /** Links rows (targetId: one id or a list); returns the number of new links. */
    public int associateRow(String sourceTable, Object sourceId, String targetTable, Object targetId) {
        userTables(sourceTable, targetTable);
        return relations.associate(sourceTable, user(sourceId), targetTable, user(targetId));
    }

    /** Removes links made by associateRow; returns the number removed. */
    public int dissociateRow(String sourceTable, Object sourceId, String targetTable, Object targetId) {
        userTables(sourceTable, targetTable);
        return relations.dissociate(sourceTable, user(sourceId), targetTable, user(targetId));
    }

    /**
     * The rows of {@code targetTable} linked to one {@code sourceTable} row through their
     * many-to-many relationship: filter, fields, order, limit and offset apply to them, so links
     * are read a page at a time. No such relationship: {@code INVALID_ARGUMENT}.
     */
    public List<Map<String, Object>> getLinkedRows(String sourceTable, Object sourceId, String targetTable, ReadOptions options) {
        userTables(sourceTable, targetTable);
        return linkedRows().read(sourceTable, user(sourceId), targetTable, withUser(options));
    }

    /** How many rows {@link #getLinkedRows} would give ({@code limit}: counting stops there). */
    public long countLinkedRows(String sourceTable, Object sourceId, String targetTable, ReadOptions options) {
        userTables(sourceTable, targetTable);
        return linkedRows().count(sourceTable, user(sourceId), targetTable, withUser(options));
    }

    private LinkedRows linkedRows() {
        return new LinkedRows(session().dialect(), schemas, data, relations);
    }

    // --- raw SQL ---

    public QueryResult query(String sql, List<?> params) {
        session();
        try {
            return raw.query(sql, params);
        } finally {
            schemas.invalidate();
        }
    }

    public QueryResult query(String sql) {
        return query(sql, List.of());
    }

    /**
     * {@link #query(String, List)} that can be cancelled from another thread through {@code hook}
     * (JDBC {@code Statement.cancel()}); a cancelled call throws
     * {@link java.util.concurrent.CancellationException} and leaves the database as it was.
     */
    public QueryResult query(String sql, List<?> params, CancelHook hook) {
        session();
        try {
            return raw.query(sql, params, hook);
        } finally {
            schemas.invalidate();
        }
    }

    /**
     * A page of a raw query's rows (from {@code offset}, at most {@code limit}) for a grid that
     * fetches as the user scrolls; see {@link RawSql#queryPage}. Cancellable as {@link #query(String, List, CancelHook)}.
     */
    public ResultPage queryPage(String sql, List<?> params, long offset, int limit, CancelHook hook) {
        session();
        try {
            return raw.queryPage(sql, params, offset, limit, hook);
        } finally {
            if (offset == 0) {
                schemas.invalidate();
            }
        }
    }

    public Map<String, Object> queryOne(String sql, List<?> params) {
        session();
        return raw.queryOne(sql, params);
    }

    public <T> T queryOne(String sql, List<?> params, Class<T> type) {
        session();
        return raw.queryOne(sql, params, type);
    }

    public Map<String, Object> exec(String sql) {
        session();
        try {
            return raw.exec(sql);
        } finally {
            schemas.invalidate();
        }
    }

    public List<QueryResult> batch(List<RawSql.Statement> statements) {
        session();
        try {
            return raw.batch(statements);
        } finally {
            schemas.invalidate();
        }
    }

    /** {@link #batch(List)} that {@code hook} can cancel from another thread; a cancelled batch applies nothing. */
    public List<QueryResult> batch(List<RawSql.Statement> statements, CancelHook hook) {
        session();
        try {
            return raw.batch(statements, hook);
        } finally {
            schemas.invalidate();
        }
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    // --- $USER ---

    private ReadOptions withUser(ReadOptions o) {
        return o == null ? null : o.withUser(session().user());
    }

    @SuppressWarnings("unchecked")
    private Map<String, ?> userMap(Map<String, ?> m) {
        return m == null ? null : (Map<String, ?>) user(m);
    }

    /** Replaces every value that is exactly {@code $USER}, at any depth; values without one are returned as they are. */
    private Object user(Object value) {
        return UserVariable.mentioned(value) ? UserVariable.replaced(value, session().user()) : value;
    }

    /**
     * Refuses the workbench's own tables (metadata, history, junctions: names beginning with
     * {@code __}) in the table functions, before any SQL runs: emptying or reading them through
     * the API would lose logical types and history without a word. Raw SQL stays free.
     */
    private static void notInternal(String table) {
        if (table != null && InternalNames.isInternal(table)) {
            throw new TablewrightException(ErrorCode.INVALID_NAME, "'" + Names.printable(table) + "' is one of the workbench's own internal tables"
                    + " (names beginning with __ hold its metadata, history and many-to-many links) and cannot be used here."
                    + " Use the user table it belongs to, or raw SQL (query) to read it.");
        }
    }

    /** Before a table function: the connection is open, and none of {@code tables} is one of the workbench's own. */
    private void userTables(String... tables) {
        session();
        for (String table : tables) {
            notInternal(table);
        }
    }

    private void userTables(List<String> tables) {
        session();
        if (tables != null) {
            tables.forEach(Connector::notInternal);
        }
    }
}
