package dev.tablewright.app.shell;

import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.sample.SampleDatabase;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.query.ReadOptions;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;

import java.util.ArrayList;
import java.util.List;

/**
 * The main window's state: the sample connection, its tables with their row counts, and what the
 * status bar says. Opening the sample runs on the {@link TaskExecutor}.
 */
public final class MainWindowViewModel implements AutoCloseable {

    /** Where opening the connection has got to. */
    public enum State { OPENING, OPEN, FAILED }

    private final SampleDatabase sample;
    private final TaskExecutor tasks;
    private final DialogService dialogs;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Tablewright");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.OPENING);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper currentUser = new ReadOnlyStringWrapper("");
    private final ReadOnlyListWrapper<TableSummary> tables = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper connectionStatus = new ReadOnlyStringWrapper();

    private Connector connector;
    private boolean closed;

    public MainWindowViewModel(SampleDatabase sample, TaskExecutor tasks, DialogService dialogs) {
        this.sample = sample;
        this.tasks = tasks;
        this.dialogs = dialogs;
        connectionStatus.bind(Bindings.createStringBinding(() -> switch (state.get()) {
            case OPENING -> "Opening " + sample.file() + " …";
            case OPEN -> connectionName() + " · " + sample.file();
            case FAILED -> "Could not open " + sample.file() + ": " + problem.get();
        }, state, problem));
    }

    /** Opens the sample database, creating it on first launch, and lists its tables; again, it reloads them. */
    public void open() {
        state.set(State.OPENING);
        tasks.execute(() -> load(sample), this::show, this::fail);
    }

    /** Runs in the background: everything that talks to the database. */
    private static Loaded load(SampleDatabase sample) {
        Connector opened = sample.open();
        try {
            List<TableSummary> summaries = new ArrayList<>();
            for (String table : opened.getAllTables()) {
                summaries.add(new TableSummary(table, opened.countRows(table, ReadOptions.none())));
            }
            return new Loaded(opened, opened.currentUser(), summaries);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private void show(Loaded loaded) {
        if (closed) {
            loaded.connector().close();
            return;
        }
        if (connector != null) {
            connector.close();
        }
        connector = loaded.connector();
        currentUser.set(loaded.user());
        tables.setAll(loaded.tables());
        problem.set("");
        state.set(State.OPEN);
    }

    private void fail(Throwable failure) {
        problem.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
        state.set(State.FAILED);
    }

    public void showAbout() {
        String version = MainWindowViewModel.class.getPackage().getImplementationVersion();
        dialogs.showInformation("About Tablewright", "Tablewright " + (version == null ? "(development build)" : version),
                "A desktop workbench for SQLite, PostgreSQL and MySQL/MariaDB databases.\n\n"
                        + "The sample database is " + sample.file() + ".");
    }

    /** Where the sample database file is, whether or not it exists yet. */
    public String sampleLocation() {
        return sample.file().toString();
    }

    public String connectionName() {
        return SampleDatabase.CONNECTION_NAME;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why opening failed; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The name {@code $USER} stands for on this connection; empty until it is open. */
    public ReadOnlyStringProperty currentUserProperty() {
        return currentUser.getReadOnlyProperty();
    }

    /** The tables of the open connection, sorted by name. */
    public ReadOnlyListProperty<TableSummary> tablesProperty() {
        return tables.getReadOnlyProperty();
    }

    /** The status bar's account of the connection: opening, open at which file, or why not. */
    public ReadOnlyStringProperty connectionStatusProperty() {
        return connectionStatus.getReadOnlyProperty();
    }

    /** Closes the connection; a load still under way closes its connection when it finishes. */
    @Override
    public void close() {
        closed = true;
        if (connector != null) {
            connector.close();
            connector = null;
        }
    }

    private record Loaded(Connector connector, String user, List<TableSummary> tables) {
    }
}
