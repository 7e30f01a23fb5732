package dev.tablewright.app.navigator;

import java.time.Instant;

/**
 * What the navigator asks the rest of the window to do with a table: the shell opens the matching
 * screen in a workspace tab.
 */
public interface TableActions {

    void openData(NavigatorConnection connection, String table);

    /** The table's data with the filter builder docked above the grid. */
    void filter(NavigatorConnection connection, String table);

    void design(NavigatorConnection connection, String table);

    void history(NavigatorConnection connection, String table);

    /** The table as it stood at {@code at} (read-only). */
    default void timeTravel(NavigatorConnection connection, String table, Instant at) {
    }

    /** One record's history: its versions and how they differ. */
    default void rowHistory(NavigatorConnection connection, String table, Object id) {
    }

    /** The relationship diagram of the connection's whole schema. */
    default void diagram(NavigatorConnection connection) {
    }

    /** The table is gone or emptied: screens showing it reload or close. */
    void tableChanged(NavigatorConnection connection, String table);

    /** The table was renamed: screens showing it follow it to its new name. */
    default void tableRenamed(NavigatorConnection connection, String oldName, String newName) {
        tableChanged(connection, oldName);
    }

    /** Whether the connection can be closed from the navigator (the sample stays open). */
    default boolean canDisconnect(NavigatorConnection connection) {
        return false;
    }

    /** Closes the connection and takes it out of the navigator. */
    default void disconnect(NavigatorConnection connection) {
    }
}
