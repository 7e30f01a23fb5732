package dev.tablewright.app.shell;

import dev.tablewright.app.navigator.NavigatorConnection;

/** A screen the workspace is asked to show (or, for {@link Kind#TABLE_CHANGED}, to reload or close). */
public record WorkspaceRequest(Kind kind, NavigatorConnection connection, String table) {

    public enum Kind { DATA, DESIGN, HISTORY, CONSOLE, TABLE_CHANGED }
}
