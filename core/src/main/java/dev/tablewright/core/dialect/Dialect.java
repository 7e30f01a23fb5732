package dev.tablewright.core.dialect;

import dev.tablewright.core.base.Dates;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.lex.SqlFlavor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What differs between the database families. Callers ask capabilities and builders; they never
 * test which dialect they have. Every piece of SQL text that names something goes through
 * {@link #quoteIdentifier}; values only ever appear as {@code ?}.
 */
public sealed interface Dialect permits SqliteDialect, PostgresDialect, MysqlDialect {

    /** sqlite, postgres, mysql or mariadb. */
    String name();

    char identifierQuote();

    /** Quotes a name, doubling the quote character inside it. The only way a name enters SQL text. */
    default String quoteIdentifier(String identifier) {
        String q = String.valueOf(identifierQuote());
        return q + identifier.replace(q, q + q) + q;
    }

    // --- types ---

    /** The column type of a logical type (section 3 of the contract). */
    String columnType(LogicalType type);

    /** Column definition of an auto-incrementing integer primary key, after the name. */
    String autoIncrementPrimaryKey();

    /** Suffix of CREATE TABLE (engine and character set where the dialect needs one). */
    default String createTableSuffix() {
        return "";
    }

    /** The placeholder for a value of this type ({@code ?}, or a cast around it). */
    default String placeholder(LogicalType type) {
        return "?";
    }

    /** Binds a canonical value (String, Long, Double, Boolean, Instant, JSON text, byte[]) for this type. */
    void bind(PreparedStatement ps, int index, LogicalType type, Object canonical) throws SQLException;

    /** Reads a column as its logical Java value: String, Long, Double, Boolean, Instant, parsed JSON, byte[]. */
    Object read(ResultSet rs, int column, LogicalType type) throws SQLException;

    /** Guesses the logical type of a column the workbench did not create. */
    LogicalType inferType(String nativeType, int jdbcType, int size);

    /**
     * A value of a logical type as SQL literal text, for scripts a person copies (the grid's "copy as
     * INSERT"); never used for statements the workbench runs, which bind every value. Text has its
     * quote character doubled; dates are UTC.
     */
    default String literal(LogicalType type, Object value) {
        if (value == null) {
            return "NULL";
        }
        return switch (type) {
            case INTEGER, NUMBER -> value instanceof Number ? value.toString() : quoteText(String.valueOf(value));
            case BOOLEAN -> Boolean.TRUE.equals(value) ? "TRUE" : "FALSE";
            case DATE -> quoteText(value instanceof Instant i ? Dates.store(i) : String.valueOf(value));
            case JSON, JSONB -> quoteText(value instanceof String s ? s : dev.tablewright.core.base.Json.write(value));
            case FILE -> "X'" + java.util.HexFormat.of().formatHex((byte[]) value) + "'";
            case STRING, TEXT -> quoteText(String.valueOf(value));
        };
    }

    /** A text literal: the value between single quotes, each quote doubled. */
    default String quoteText(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** How the comparison of an instant works: the bound representation of a date. */
    default Object dateParam(Instant instant) {
        return instant;
    }

    // --- expressions ---

    /**
     * A date column as a comparable expression. Columns the workbench wrote hold one fixed format;
     * columns of other tools may not (SQLite: '2009-01-01 00:00:00'), so those are normalized.
     */
    default String comparableDate(String column, boolean writtenByWorkbench) {
        return column;
    }

    /** SQL of a lower-cased text expression, for case-insensitive matching. */
    default String lower(String expression) {
        return "LOWER(" + expression + ")";
    }

    /**
     * An expression reading a JSON path of a json/jsonb column, typed by the kind of value it is
     * compared with; yields NULL when the path is missing or holds another kind.
     */
    SqlStatement jsonValue(String column, LogicalType columnType, List<String> path, JsonKind kind);

    /** Can a JSON path address this key? (MariaDB's path parser cannot read keys beginning with '-'.) */
    default boolean supportsJsonKey(String key) {
        return true;
    }

    /** A condition true when the JSON path is missing or holds JSON null. */
    SqlStatement jsonIsNull(String column, LogicalType columnType, List<String> path);

    enum JsonKind { NUMBER, STRING, BOOLEAN }

    // --- statements ---

    /**
     * INSERT … ON CONFLICT / ON DUPLICATE KEY: inserts {@code columns}, and on a conflict on
     * {@code keyColumns} updates {@code updateColumns} from the inserted values.
     */
    String upsert(String table, List<String> columns, List<String> placeholders, List<String> keyColumns, List<String> updateColumns);

    /** What LIMIT takes to mean "no limit" when only an OFFSET is given. */
    String noLimit();

    /** Can INSERT … RETURNING give back a generated key? */
    boolean supportsReturning();

    /** An INSERT of a row with every column at its default. */
    default String insertDefaultValues(String quotedTable) {
        return "INSERT INTO " + quotedTable + " DEFAULT VALUES";
    }

    /** ALTER TABLE dropping a named foreign key (not called on SQLite, which rebuilds). */
    String dropForeignKey(String table, String constraint);

    /** ALTER TABLE making an existing column NOT NULL. */
    String alterSetNotNull(String table, String column, LogicalType type);

    /**
     * Must a batch into this table go as multi-row INSERT … VALUES (…), (…) statements instead of
     * JDBC batches? (MariaDB: its bulk protocol loses rows of tables with INSERT triggers.)
     * {@code historyStandsAside}: the history's insert trigger does nothing for this insert
     * ({@link #historyCaptureRows}), so it does not count.
     */
    default boolean needsMultiRowInsert(Connection connection, String table, boolean historyStandsAside) throws SQLException {
        return false;
    }

    /** Does the dialect have a bulk-load path faster than batched INSERTs (PostgreSQL's COPY)? */
    default boolean supportsBulkLoad() {
        return false;
    }

    /**
     * Loads rows of canonical values (as {@link #bind} takes them) into the columns, inside the
     * caller's transaction. Only called when {@link #supportsBulkLoad()}.
     */
    default void bulkLoad(Connection connection, String table, List<String> columns, List<LogicalType> types,
                          Iterable<List<Object>> rows) throws SQLException {
        throw new UnsupportedOperationException(name() + " has no bulk-load path");
    }

    // --- history ---

    /**
     * Triggers that copy every inserted, updated and deleted row of {@code table} into
     * {@code historyTable} (rowId, operation, changedAt, changedBy, data), so changes by any client
     * are recorded. Column names have been checked to be plain names.
     */
    List<String> historyTriggers(String table, String historyTable, String keyColumn, java.util.Map<String, LogicalType> columns);

    /** Drops what {@link #historyTriggers} made; no error when there is nothing. */
    List<String> dropHistoryTriggers(String table);

    /**
     * Can the history of a bulk insert be written in one statement after it, instead of by a row
     * trigger per row? (SQLite: its row triggers cost 3-4x a plain insert.)
     */
    default boolean historyBulkCapture() {
        return false;
    }

    /** Statements that make the insert trigger stand aside for this transaction's bulk insert. */
    default List<SqlStatement> startBulkCapture() {
        return List.of();
    }

    /** Ends {@link #startBulkCapture}. */
    default List<SqlStatement> endBulkCapture() {
        return List.of();
    }

    /** Where the rows a bulk insert adds begin: a value compared with {@link #historyBulkInsert}'s bound. */
    default SqlStatement bulkCaptureMark(String table) {
        throw new UnsupportedOperationException(name());
    }

    /** INSERT … SELECT of the history of the rows past the mark (bound first), changedBy bound second. */
    default String historyBulkInsert(String table, String historyTable, String keyColumn, java.util.Map<String, LogicalType> columns) {
        throw new UnsupportedOperationException(name());
    }

    /**
     * Can the history of a bulk insert into this table be written batch by batch from the rows
     * each batch wrote, while the insert trigger stands aside ({@link #startBulkCapture})?
     * (MariaDB: its row trigger costs 4x a plain insert, and stops the driver's bulk protocol.)
     * Only asked for tables the workbench made, whose every value it writes itself.
     */
    default boolean historyCaptureRows(Connection connection, String table) throws SQLException {
        return false;
    }

    /** INSERT of one history row of an insert: rowId, changedBy and data bound in that order. */
    default String historyRowInsert(String historyTable) {
        throw new UnsupportedOperationException(name());
    }

    /**
     * A stored value as the history triggers' JSON holds it: a String, Long, Double or Boolean
     * (JSON columns are embedded as they are, not through here); {@code value} is not null.
     */
    default Object historyJsonValue(LogicalType type, Object value) {
        throw new UnsupportedOperationException(name());
    }

    /** Do the history triggers store json/jsonb columns as their text (to be parsed when read)? */
    default boolean historyKeepsJsonAsText() {
        return false;
    }

    /** Tables the history triggers need besides the history table itself (created when history is switched on). */
    default List<String> historySupportTables() {
        return List.of();
    }

    /** Statements, in the write's transaction, telling the triggers who writes. */
    default List<SqlStatement> setActor(String user) {
        return List.of();
    }

    /** Statements, still in the write's transaction, that end what {@link #setActor} said. */
    default List<SqlStatement> endActor() {
        return List.of();
    }

    /** Statements, after the transaction, that leave the pooled connection without an actor. */
    default List<SqlStatement> clearActor() {
        return List.of();
    }

    /** Row lock clause for a read that is followed by a write in the same transaction. */
    default String forUpdate() {
        return " FOR UPDATE";
    }

    /** The table names of the current database/schema (base tables only), unsorted. */
    List<String> listTables(Connection connection) throws SQLException;

    /** Catalog and schema to pass to DatabaseMetaData for the current database. */
    String metaCatalog(Connection connection) throws SQLException;

    String metaSchema(Connection connection) throws SQLException;

    /** Drops every table, view and trigger of the current database. */
    void dropEverything(Connection connection) throws SQLException;

    /** Can ALTER TABLE add a column with UNIQUE / NOT NULL / a foreign key? (SQLite: no → rebuild.) */
    boolean supportsAlterAddConstraint();

    /** Does DDL take part in transactions (so a failed change rolls back whole)? */
    boolean transactionalDdl();

    /** Is the generated key of a raw INSERT available through getGeneratedKeys without changing the statement? */
    boolean rawGeneratedKeys();

    /** The row id of the last INSERT on this connection, where the dialect has one and not through getGeneratedKeys. */
    default Object lastInsertRowId(Connection connection) throws SQLException {
        return null;
    }

    SqlFlavor scriptFlavor();

    /** Maps a database error to a contract code, or null when it is not one the contract names. */
    ErrorCode classify(SQLException e);

    // --- changing existing tables (the table designer) ---

    /** ALTER TABLE renaming a column: the same statement on every dialect the workbench supports. */
    default String renameColumn(String table, String from, String to) {
        return "ALTER TABLE " + quoteIdentifier(table) + " RENAME COLUMN " + quoteIdentifier(from) + " TO " + quoteIdentifier(to);
    }

    /** ALTER TABLE giving a table a new name: the same statement on every dialect the workbench supports. */
    default String renameTable(String from, String to) {
        return "ALTER TABLE " + quoteIdentifier(from) + " RENAME TO " + quoteIdentifier(to);
    }

    /**
     * Statements giving a plain (not unique) index on {@code columns} of {@code table} a new name.
     * PostgreSQL and SQLite index names are global to the schema, so an index left under a table's
     * old name would stop a new table of that name from having one.
     */
    List<String> renameIndex(String table, String from, String to, List<String> columns);

    /**
     * Statements giving a foreign key of {@code table} a new name; {@code definition} is its whole
     * {@code CONSTRAINT … FOREIGN KEY …} clause under the new name, for dialects that drop and add
     * it. MySQL's names are global to the database, so a key left under a renamed table's old name
     * would stop a new table of that name from having one; SQLite keeps them in the table's text.
     */
    List<String> renameForeignKey(String table, String from, String to, String definition);

    /** ALTER TABLE dropping a column (not called where the table is rebuilt). */
    default String dropColumn(String table, String column) {
        return "ALTER TABLE " + quoteIdentifier(table) + " DROP COLUMN " + quoteIdentifier(column);
    }

    /**
     * The value a column holds after changing from one logical type to another, as an SQL
     * expression of the quoted {@code column}: NULL where a value does not fit the new type. Null
     * when the dialect cannot make that change; the pairs offered are the same on every dialect.
     */
    String convertedValue(String column, LogicalType from, LogicalType to);

    /** A condition true for the rows whose value that change loses or alters; null when it keeps every value. */
    String conversionLoss(String column, LogicalType from, LogicalType to);

    /** Statements changing a column's type in place, converting its values (not called where the table is rebuilt). */
    default List<String> changeColumnType(String table, String column, LogicalType from, LogicalType to, boolean notNull) {
        throw new UnsupportedOperationException(name() + " rebuilds the table to change a column's type");
    }

    /** ALTER TABLE letting an existing column take NULL (not called where the table is rebuilt). */
    default String alterDropNotNull(String table, String column, LogicalType type) {
        throw new UnsupportedOperationException(name() + " rebuilds the table to drop NOT NULL");
    }

    /**
     * ALTER TABLE removing the unique constraint of a column (not called where the table is rebuilt);
     * {@code name} is its name when known, else the name the dialect gives an unnamed one.
     */
    default String dropUnique(String table, String column, String name) {
        throw new UnsupportedOperationException(name() + " rebuilds the table to drop a unique constraint");
    }

    /** An UPDATE renaming one key of the JSON objects in a column (old history after a field rename); the keys are bound. */
    SqlStatement renameJsonKey(String table, String column, String from, String to);
}
