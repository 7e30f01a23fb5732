package dev.tablewright.core.dialect;

import dev.tablewright.core.base.LogicalType;

import java.util.List;

/** One facet of {@link Dialect}: statements that create and change tables (defineTable and the table designer). Every name is passed plain and quoted here. */
public sealed interface DdlWriter extends SqlSyntax permits Dialect {
    /** The column type of a logical type (section 3 of the contract). */
    String columnType(LogicalType type);

    /** Column definition of an auto-incrementing integer primary key, after the name. */
    String autoIncrementPrimaryKey();

    /** Suffix of CREATE TABLE (engine and character set where the dialect needs one). */
    default String createTableSuffix() {
        return "";
    }

    /** ALTER TABLE dropping a named foreign key (not called on SQLite, which rebuilds). */
    String dropForeignKey(String table, String constraint);

    /** ALTER TABLE making an existing column NOT NULL. */
    String alterSetNotNull(String table, String column, LogicalType type);

    /** Can ALTER TABLE add a column with UNIQUE / NOT NULL / a foreign key? (SQLite: no → rebuild.) */
    boolean supportsAlterAddConstraint();

    /** Does DDL take part in transactions (so a failed change rolls back whole)? */
    boolean transactionalDdl();

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

    /**
     * Whether a unique key on a column of {@code type} is {@link #exactUniqueKey} here rather than
     * the column's own UNIQUE: where the collation ignores trailing spaces, that would take
     * {@code 'x '} for {@code 'x'} (decision 0050).
     */
    default boolean uniqueNeedsExactKey(LogicalType type) {
        return padsTrailingSpaces() && type.isTextual();
    }

    /**
     * The parts of CREATE TABLE (each also an ALTER TABLE ADD clause) that make {@code column}
     * unique with its trailing spaces kept; only where {@link #uniqueNeedsExactKey}.
     */
    default List<String> exactUniqueKey(String column) {
        throw new UnsupportedOperationException(name() + " keeps trailing spaces in a column's own unique key");
    }

    /** Statements making an existing column unique. */
    default List<String> addUnique(String table, String column, LogicalType type) {
        if (uniqueNeedsExactKey(type)) {
            return List.of("ALTER TABLE " + quoteIdentifier(table) + " ADD " + String.join(", ADD ", exactUniqueKey(column)));
        }
        return List.of("ALTER TABLE " + quoteIdentifier(table) + " ADD UNIQUE (" + quoteIdentifier(column) + ")");
    }

    /**
     * Statements renaming a column that has an {@link #exactUniqueKey}, and the key with it:
     * {@code keyColumn} is the key's hidden column, {@code index} the key's name (renamed too when
     * it is the one the workbench gave it).
     */
    default List<String> renameExactUnique(String table, String from, String to, String keyColumn, String index) {
        throw new UnsupportedOperationException(name() + " keeps trailing spaces in a column's own unique key");
    }

    /** ALTER TABLE removing an {@link #exactUniqueKey}: its key {@code index} and its hidden {@code keyColumn}, in one statement. */
    default String dropExactUnique(String table, String keyColumn, String index) {
        throw new UnsupportedOperationException(name() + " keeps trailing spaces in a column's own unique key");
    }

    /** An UPDATE renaming one key of the JSON objects in a column (old history after a field rename); the keys are bound. */
    SqlStatement renameJsonKey(String table, String column, String from, String to);

}
