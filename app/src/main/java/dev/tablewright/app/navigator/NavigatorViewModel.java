package dev.tablewright.app.navigator;

import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.history.TrackingPlan;
import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.TableDesign;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The navigator: open connections and their tables, a search box that narrows every connection's
 * list, and the table commands of the context menu. Listing runs in two passes on the task
 * executor, names first and row counts after, so a large database shows its tables at once.
 */
public final class NavigatorViewModel {
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final TableActions actions;
    private final ObservableList<NavigatorConnection> connections = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>();

    /** A table picked in the tree. */
    public record Selection(NavigatorConnection connection, String table) {
    }

    public NavigatorViewModel(TaskExecutor tasks, DialogService dialogs, TableActions actions) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actions = actions;
        search.addListener((obs, old, text) -> connections.forEach(c -> c.search(text)));
    }

    /** Shows an open connection and lists its tables; the connector stays the caller's to close. */
    public NavigatorConnection add(String name, String description, Connector connector) {
        NavigatorConnection connection = new NavigatorConnection(name, description, connector);
        connection.search(search.get());
        connections.add(connection);
        refresh(connection);
        return connection;
    }

    public void remove(NavigatorConnection connection) {
        connections.remove(connection);
        Selection selected = selection.get();
        if (selected != null && selected.connection() == connection) {
            selection.set(null);
        }
    }

    /** Lists the connection's tables again, as they are now in the database. */
    public void refresh(NavigatorConnection connection) {
        refresh(connection, null);
    }

    /** Lists the tables again, then selects {@code select} when it is among them. */
    private void refresh(NavigatorConnection connection, String select) {
        connection.loading();
        Connector connector = connection.connector();
        tasks.execute(() -> listTables(connector), listed -> {
            connection.show(listed);
            if (select != null && listed.stream().anyMatch(t -> t.name().equals(select))) {
                selection.set(new Selection(connection, select));
            }
            countRows(connection, listed);
        }, failure -> connection.fail(Failures.describe(failure)));
    }

    private static List<NavigatorTable> listTables(Connector connector) {
        List<NavigatorTable> listed = new ArrayList<>();
        for (String table : connector.getAllTables()) {
            boolean tracked = connector.getTableSchema(table).options().trackHistory();
            listed.add(new NavigatorTable(table, -1, tracked));
        }
        return listed;
    }

    private void countRows(NavigatorConnection connection, List<NavigatorTable> listed) {
        Connector connector = connection.connector();
        List<String> names = listed.stream().map(NavigatorTable::name).toList();
        tasks.execute(() -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : names) {
                counts.put(table, connector.countRows(table, ReadOptions.none().withLimit((int) NavigatorTable.COUNT_CAP + 1)));
            }
            return counts;
        }, connection::updateCounts, failure -> {
            // Counts are a nicety: the tables are listed, and opening one says what is wrong.
        });
    }

    public ObservableList<NavigatorConnection> connections() {
        return connections;
    }

    /** Narrows the tables shown under every connection to those whose names contain it. */
    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    public void openData(NavigatorConnection connection, String table) {
        actions.openData(connection, table);
    }

    public void filter(NavigatorConnection connection, String table) {
        actions.filter(connection, table);
    }

    public void design(NavigatorConnection connection, String table) {
        actions.design(connection, table);
    }

    public void diagram(NavigatorConnection connection) {
        actions.diagram(connection);
    }

    public void history(NavigatorConnection connection, String table) {
        actions.history(connection, table);
    }

    /**
     * Switches the table's history on or off as one action, after showing what that writes into
     * the database (its history table, triggers and statements): nothing of the workbench's goes
     * into a database the person did not agree to.
     */
    public void setTracking(NavigatorConnection connection, String table, boolean on) {
        Connector connector = connection.connector();
        tasks.execute(() -> TrackingPlan.of(connector, table, on), plan -> {
            String title = on ? "Keep history of " + table : "Stop keeping history of " + table;
            String header = on ? "Record every change of " + table + " on " + connection.name() + "?"
                    : "Stop recording the changes of " + table + " on " + connection.name() + "?";
            String content = String.join("\n", plan.summary().stream().map(line -> "• " + line).toList());
            if (!dialogs.confirmWithDetails(title, header, content, plan.describe(), on ? "Keep history" : "Stop keeping history")) {
                return;
            }
            tasks.execute(() -> connector.applyTableChange(TableDesign.of(connector.getTableSchema(table)).withTrackHistory(on), false), schema -> {
                actions.tableChanged(connection, table);
                refresh(connection, table);
            }, failure -> dialogs.showError("Could not change the history of " + table, Failures.describe(failure)));
        }, failure -> dialogs.showError("Could not read " + table, Failures.describe(failure)));
    }

    /** The table as it stands now, read-only, to step back from change to change. */
    public void timeTravel(NavigatorConnection connection, String table) {
        actions.timeTravel(connection, table, Instant.now());
    }

    public boolean canDisconnect(NavigatorConnection connection) {
        return actions.canDisconnect(connection);
    }

    public void disconnect(NavigatorConnection connection) {
        actions.disconnect(connection);
    }

    /** Empties the table after the user confirms with its name in front of them. */
    public void clear(NavigatorConnection connection, String table) {
        if (!dialogs.confirm("Clear table", "Delete every row of " + table + "?",
                "All rows of the table " + table + " on " + connection.name()
                        + " will be deleted. The table and its fields stay.", "Clear " + table)) {
            return;
        }
        Connector connector = connection.connector();
        tasks.execute(() -> connector.clearTable(table), deleted -> {
            connection.updateCount(table, 0);
            actions.tableChanged(connection, table);
        }, failure -> dialogs.showError("Could not clear " + table, Failures.describe(failure)));
    }

    /**
     * Asks for a new name and renames the table, its history and relationships going with it; the
     * renamed table is selected, and screens showing the old name are told it changed.
     */
    public void rename(NavigatorConnection connection, String table) {
        Optional<String> answer = dialogs.askText("Rename table", "New name for the table " + table + " on " + connection.name(), table);
        if (answer.isEmpty() || answer.get().strip().equals(table)) {
            return;
        }
        String newName = answer.get().strip();
        Connector connector = connection.connector();
        tasks.execute(() -> connector.renameTable(table, newName), schema -> {
            actions.tableRenamed(connection, table, schema.name());
            refresh(connection, schema.name());
        }, failure -> dialogs.showError("Could not rename " + table, Failures.describe(failure)));
    }

    /** Deletes the table after the user confirms with its name in front of them. */
    public void delete(NavigatorConnection connection, String table) {
        if (!dialogs.confirm("Delete table", "Delete the table " + table + "?",
                "The table " + table + " on " + connection.name() + " and all its rows will be deleted. "
                        + "This cannot be undone.", "Delete " + table)) {
            return;
        }
        Connector connector = connection.connector();
        tasks.execute(() -> connector.deleteTable(table), deleted -> {
            actions.tableChanged(connection, table);
            refresh(connection);
        }, failure -> dialogs.showError("Could not delete " + table, Failures.describe(failure)));
    }

    /** The table's name, as the context menu's "Copy name" puts it on the clipboard. */
    public Optional<String> selectedTableName() {
        return Optional.ofNullable(selection.get()).map(Selection::table);
    }

}
