package dev.tablewright.app.shell;

import dev.tablewright.app.navigator.NavigatorConnection;

/**
 * A screen the workspace is asked to show (or, for {@link Kind#TABLE_CHANGED}, to reload or close).
 * {@link Kind#FILTER} is the table's data screen with its filter builder shown; {@link Kind#HISTORY}
 * with a {@code row} is that record's history, a tab of its own; {@link Kind#TIME_TRAVEL} is the
 * table as it stood at the moment (an {@link java.time.Instant}) in {@code row};
 * {@link Kind#TABLE_RENAMED}: the screens of {@code table} follow it to {@code newName}, which only
 * this kind has.
 */
public record WorkspaceRequest(Kind kind, NavigatorConnection connection, String table, Object row, String newName) {

    public enum Kind { DATA, FILTER, DESIGN, HISTORY, CONSOLE, DIAGRAM, TABLE_CHANGED, TIME_TRAVEL, TABLE_RENAMED }

    /** A request about a whole table (or none): {@code row} is only for one record's {@link Kind#HISTORY}. */
    public WorkspaceRequest(Kind kind, NavigatorConnection connection, String table) {
        this(kind, connection, table, null, null);
    }

    public WorkspaceRequest(Kind kind, NavigatorConnection connection, String table, Object row) {
        this(kind, connection, table, row, null);
    }

    /** The table {@code oldName} is now called {@code newName}. */
    public static WorkspaceRequest renamed(NavigatorConnection connection, String oldName, String newName) {
        return new WorkspaceRequest(Kind.TABLE_RENAMED, connection, oldName, null, newName);
    }
}
