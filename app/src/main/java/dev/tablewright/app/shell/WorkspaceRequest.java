package dev.tablewright.app.shell;

import dev.tablewright.app.navigator.NavigatorConnection;

/**
 * A screen the workspace is asked to show (or, for {@link Kind#TABLE_CHANGED}, to reload or close).
 * {@link Kind#FILTER} is the table's data screen with its filter builder shown.
 */
public record WorkspaceRequest(Kind kind, NavigatorConnection connection, String table) {

    public enum Kind { DATA, FILTER, DESIGN, HISTORY, CONSOLE, DIAGRAM, TABLE_CHANGED }
}
