package dev.tablewright.core.schema;

import dev.tablewright.core.base.InternalNames;

import java.util.List;
import java.util.Map;

/**
 * What the planner needs to know of a table as it is: its schema (null when it does not exist yet)
 * and the database objects a change has to keep. Read from a connection, or made up for a plan on
 * another dialect ({@link #offline}).
 *
 * @param rows         the table's row count (0 for a new table)
 * @param metaExists   whether the workbench's {@value InternalNames#SCHEMA_TABLE} table exists
 * @param uniqueNames  the name of the single-column unique constraint or index of each field that has one
 * @param dependents   SQLite: the table's own indexes and triggers (not history's), which a rebuild recreates
 * @param views        SQLite: every view, dropped and recreated around a rebuild
 * @param foreignKeyNames the name of the foreign-key constraint of each field that has one (another
 *                     tool's names differ from ours); a field missing here has the name we give
 * @param exactKeyColumns the hidden column of each field whose unique key is an exact one (MySQL
 *                     and MariaDB: {@link dev.tablewright.core.dialect.DdlWriter#exactUniqueKey})
 */
public record TableSnapshot(TableSchema schema, long rows, boolean metaExists, Map<String, String> uniqueNames,
                            List<Dependent> dependents, List<Dependent> views, Map<String, String> foreignKeyNames,
                            Map<String, String> exactKeyColumns) {

    public TableSnapshot(TableSchema schema, long rows, boolean metaExists, Map<String, String> uniqueNames,
                         List<Dependent> dependents, List<Dependent> views) {
        this(schema, rows, metaExists, uniqueNames, dependents, views, Map.of(), Map.of());
    }

    /** The constraint that makes {@code field} a foreign key. */
    public String foreignKeyName(String table, String field) {
        String name = foreignKeyNames.get(field);
        return name != null ? name : TableDdl.foreignKeyName(table, field);
    }

    /** An index, trigger or view, with its SQL and (for an index) the columns it covers. */
    public record Dependent(String type, String name, String sql, List<String> columns) {
    }

    /** A table as another dialect would have it: the same schema, objects of that database unknown. */
    public static TableSnapshot offline(TableSchema schema, long rows) {
        return new TableSnapshot(schema, rows, true, Map.of(), List.of(), List.of());
    }
}
