package dev.tablewright.app.navigator;

import dev.tablewright.core.Connector;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One open connection in the navigator: its name, the connector every screen of it uses, and its
 * tables (internal {@code __} tables never among them), filtered by the navigator's search text.
 */
public final class NavigatorConnection {

    /** Where listing the tables has got to. */
    public enum State { LOADING, READY, FAILED }

    private final String name;
    private final String description;
    private final Connector connector;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<NavigatorTable> allTables = FXCollections.observableArrayList();
    private final FilteredList<NavigatorTable> tables = new FilteredList<>(allTables);

    NavigatorConnection(String name, String description, Connector connector) {
        this.name = name;
        this.description = description;
        this.connector = connector;
    }

    public String name() {
        return name;
    }

    /** Where the connection goes (a file, a host and database), for tooltips and the status bar. */
    public String description() {
        return description;
    }

    public Connector connector() {
        return connector;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why listing the tables failed, with its error code; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The tables whose names contain the search text, sorted by name. */
    public ObservableList<NavigatorTable> tables() {
        return tables;
    }

    /** Every table, whatever the search says. */
    public ObservableList<NavigatorTable> allTables() {
        return FXCollections.unmodifiableObservableList(allTables);
    }

    void loading() {
        state.set(State.LOADING);
    }

    void show(List<NavigatorTable> listed) {
        allTables.setAll(listed);
        problem.set("");
        state.set(State.READY);
    }

    void fail(String why) {
        problem.set(why);
        state.set(State.FAILED);
    }

    void updateCounts(Map<String, Long> counts) {
        List<NavigatorTable> updated = allTables.stream()
                .map(t -> counts.containsKey(t.name()) ? t.withRowCount(counts.get(t.name())) : t)
                .toList();
        allTables.setAll(updated);
    }

    /** One table's row count changed (rows added or deleted in a grid). */
    public void updateCount(String table, long count) {
        for (int i = 0; i < allTables.size(); i++) {
            if (allTables.get(i).name().equals(table)) {
                allTables.set(i, allTables.get(i).withRowCount(count));
                return;
            }
        }
    }

    void search(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        tables.setPredicate(needle.isEmpty() ? null : t -> t.name().toLowerCase(Locale.ROOT).contains(needle));
    }
}
