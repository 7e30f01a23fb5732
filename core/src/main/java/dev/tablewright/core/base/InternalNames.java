package dev.tablewright.core.base;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of what the workbench keeps in a database for itself: metadata, history, junctions and
 * the triggers behind them. They all begin with {@code __}, which section 2 of the contract reserves,
 * so no table a user defines can take one.
 */
public final class InternalNames {
    /** The logical schema of the tables the workbench made (decision 1). */
    public static final String SCHEMA_TABLE = "__tw_schema";
    /** SQLite's stand-in for a session variable: who writes, read by the history triggers. */
    public static final String ACTOR_TABLE = "__tw_actor";

    private static final String HISTORY_PREFIX = "__history_";
    private static final String EXACT_KEY_PREFIX = "__tw_exact_";
    /** The longest column name MySQL and MariaDB take. */
    private static final int COLUMN_NAME_MAX = 64;
    private static final Pattern JUNCTION = Pattern.compile("__([A-Za-z][A-Za-z0-9_]*)2([A-Za-z][A-Za-z0-9_]*)");

    private InternalNames() {
    }

    public static boolean isInternal(String name) {
        return name.startsWith("__");
    }

    /** The table keeping the versions of {@code table}'s rows. */
    public static String historyTable(String table) {
        return HISTORY_PREFIX + table;
    }

    /** The name of one of the triggers that record {@code table}'s history. */
    public static String historyTrigger(String table, String suffix) {
        return "__tw_h_" + table + "_" + suffix;
    }

    /**
     * The invisible column under the unique key of a text field where the database's collation
     * ignores trailing spaces (decision 0050); a long field name is cut and given a hash, to fit.
     */
    public static String exactKeyColumn(String field) {
        String name = EXACT_KEY_PREFIX + field;
        if (name.length() > COLUMN_NAME_MAX) {
            String hash = Integer.toHexString(field.hashCode());
            name = name.substring(0, COLUMN_NAME_MAX - hash.length() - 1) + "_" + hash;
        }
        return name;
    }

    /** Whether a column is one of {@link #exactKeyColumn}'s. */
    public static boolean isExactKeyColumn(String column) {
        return column.startsWith(EXACT_KEY_PREFIX);
    }

    /** The hidden junction table of a many-to-many relation. */
    public static String junction(String childTable, String parentTable) {
        return "__" + childTable + "2" + parentTable;
    }

    /** The two tables of a junction name, if it is one. */
    public static Optional<String[]> junctionSides(String name) {
        Matcher m = JUNCTION.matcher(name);
        return m.matches() ? Optional.of(new String[]{m.group(1), m.group(2)}) : Optional.empty();
    }
}
