package dev.tablewright.app.shell;

import dev.tablewright.app.navigator.NavigatorConnection;

/**
 * A screen the workspace is asked to show (or, for {@link Kind#TABLE_CHANGED}, to reload or close).
 * {@link Kind#FILTER} is the table's data screen with its filter builder shown.
 */
public record WorkspaceRequest(Kind kind, NavigatorConnection connection, String table, String newName) {

    /**
     * {@link #TABLE_RENAMED}: the screens of {@code table} follow it to {@code newName}, which only
     * this kind has.
     */
    public enum Kind { DATA, FILTER, DESIGN, HISTORY, CONSOLE, DIAGRAM, TABLE_CHANGED, TABLE_RENAMED }

    public WorkspaceRequest(Kind kind, NavigatorConnection connection, String table) {
        this(kind, connection, table, null);
    }
}
