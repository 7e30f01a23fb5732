package dev.tablewright.app.testing;

import dev.tablewright.app.navigator.NavigatorConnection;
import dev.tablewright.app.navigator.TableActions;

/** The navigator's table actions doing nothing: a test overrides the ones it watches. */
public class NoTableActions implements TableActions {
    @Override
    public void openData(NavigatorConnection connection, String table) {
    }

    @Override
    public void filter(NavigatorConnection connection, String table) {
    }

    @Override
    public void design(NavigatorConnection connection, String table) {
    }

    @Override
    public void history(NavigatorConnection connection, String table) {
    }

    @Override
    public void tableChanged(NavigatorConnection connection, String table) {
    }
}
