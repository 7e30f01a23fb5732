package dev.tablewright.core.query;

import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.filter.FilterCompiler;
import dev.tablewright.core.schema.SchemaManager;
import dev.tablewright.core.schema.TableSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Rows of tables, the CRUD half of the connector: reads ({@link TableReads}), one-row writes
 * ({@link RowWrites}) and addRows ({@link BulkInsert}), behind the one object the facade and
 * the features above hold.
 */
public final class TableData {
    private final Session session;
    private final SchemaManager schemas;
    private final TableReads reads;
    private final RowWrites writes;
    private final BulkInsert bulk;

    public TableData(Session session, SchemaManager schemas) {
        this.session = session;
        this.schemas = schemas;
        this.reads = new TableReads(session, schemas);
        this.writes = new RowWrites(session, schemas, reads);
        this.bulk = new BulkInsert(session, schemas);
    }

    // --- reading ---

    public List<Map<String, Object>> read(String table, ReadOptions options) {
        return reads.read(table, options, this);
    }

    /**
     * Reads rows of one table from {@code source}, a derived table with the table's columns named
     * after it (the rows of a past moment): filter, fields, order, limit and offset apply to it.
     */
    public List<Map<String, Object>> readFrom(String table, ReadOptions options, SqlStatement source) {
        return reads.read(table, options, this, source);
    }

    /**
     * The SELECT {@link #readFrom} would run (fields, filter, order, limit and offset over
     * {@code source}), to be used as a part of a larger statement.
     */
    public SqlStatement selectFrom(String table, ReadOptions options, SqlStatement source) {
        return reads.select(schemas.require(table), options == null ? ReadOptions.none() : options, source);
    }

    /** {@link #count} over {@code source}, as {@link #readFrom}. */
    public long countFrom(String table, ReadOptions options, SqlStatement source) {
        return reads.count(table, options, source);
    }

    /**
     * A query over several tables: fields and result keys are {@code table.field}, and the join is
     * written in the filter ({@code ['users.id', '=', 'posts.userId']}).
     */
    public List<Map<String, Object>> readJoined(List<String> tables, ReadOptions options) {
        return reads.readJoined(tables, options);
    }

    public Map<String, Object> findOne(String table, ReadOptions options) {
        return reads.findOne(table, options, this);
    }

    /**
     * The number of rows the filter matches; with a {@code limit}, at most that many, so a caller can
     * learn "at least N" from a huge table in the time it takes to step over N rows.
     */
    public long count(String table, ReadOptions options) {
        return reads.count(table, options);
    }

    public long countJoined(List<String> tables, ReadOptions options) {
        return reads.countJoined(tables, options);
    }

    /** Resolves a filter field: a column, or {@code column.path.in.json} on a json/jsonb column. */
    public FilterCompiler.FieldResolver resolver(TableSchema schema) {
        return reads.resolver(schema);
    }

    List<Map<String, Object>> fetch(Connection c, SqlStatement statement, TableSchema schema, List<String> columns,
                                    DateTimeFormatter dates) throws SQLException {
        return reads.fetch(c, statement, schema, columns, dates);
    }

    /** Runs a SELECT whose columns are, in order, the given keys of the given logical types. */
    List<Map<String, Object>> fetchTyped(Connection c, SqlStatement statement, List<String> keys, List<LogicalType> types,
                                         DateTimeFormatter dates) throws SQLException {
        return reads.fetchTyped(c, statement, keys, types, dates);
    }

    Session session() {
        return session;
    }

    SchemaManager schemas() {
        return schemas;
    }

    // --- writing ---

    public Map<String, Object> insert(String table, Map<String, ?> data) {
        return writes.insert(table, data);
    }

    /**
     * Adds the rows in one transaction, all or none. {@code user} replaces each value that is
     * exactly {@code $USER}; null when the rows hold no such value any more.
     */
    public int insertAll(String table, List<? extends Map<String, ?>> rows, String user) {
        return bulk.insertAll(table, rows, user);
    }

    /** Atomic insert-or-update on the primary key, or on {@code uniqueKey}'s unique field(s). */
    public Map<String, Object> upsert(String table, Map<String, ?> data, Map<String, ?> uniqueKey) {
        return writes.upsert(table, data, uniqueKey);
    }

    public Map<String, Object> change(String table, Object id, Map<String, ?> data, boolean patch) {
        return writes.change(table, id, data, patch);
    }

    /** updateRow / patchRow: the id is in the data. */
    public Map<String, Object> changeWithIdInData(String table, Map<String, ?> data, boolean patch) {
        return writes.changeWithIdInData(table, data, patch);
    }

    public boolean delete(String table, Object id) {
        return writes.delete(table, id);
    }

    public long clear(String table) {
        return writes.clear(table);
    }
}
