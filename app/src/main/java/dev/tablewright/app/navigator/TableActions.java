package dev.tablewright.app.navigator;

/**
 * What the navigator asks the rest of the window to do with a table: the shell opens the matching
 * screen in a workspace tab.
 */
public interface TableActions {

    void openData(NavigatorConnection connection, String table);

    void design(NavigatorConnection connection, String table);

    void history(NavigatorConnection connection, String table);

    /** The table is gone or emptied: screens showing it reload or close. */
    void tableChanged(NavigatorConnection connection, String table);
}
