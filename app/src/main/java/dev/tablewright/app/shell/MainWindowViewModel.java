package dev.tablewright.app.shell;

import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.navigator.NavigatorConnection;
import dev.tablewright.app.navigator.NavigatorViewModel;
import dev.tablewright.app.navigator.TableActions;
import dev.tablewright.app.sample.SampleDatabase;
import dev.tablewright.app.task.RunningTask;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The main window's state: the navigator, the connection the user is working on, the theme, the
 * running tasks, and the requests for workspace tabs that the view turns into screens. On first
 * launch (and every launch) the sample database is opened, so there are tables to look at.
 */
public final class MainWindowViewModel implements TableActions, AutoCloseable {
    private final SampleDatabase sample;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Path settingsDir;
    private final NavigatorViewModel navigator;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Tablewright");
    private final ObjectProperty<NavigatorConnection> current = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper currentUser = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper connectionStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sampleProblem = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final List<Connector> owned = new ArrayList<>();
    private Consumer<WorkspaceRequest> workspace = request -> { };
    private Settings settings;
    private final BooleanProperty opening = new SimpleBooleanProperty();
    private boolean closed;

    public MainWindowViewModel(SampleDatabase sample, TaskExecutor tasks, DialogService dialogs, Path settingsDir) {
        this.sample = sample;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settingsDir = settingsDir;
        this.navigator = new NavigatorViewModel(tasks, dialogs, this);
        this.settings = Settings.load(settingsDir);
        theme.set(settings.theme());
        theme.addListener((obs, old, chosen) -> saveSettings(settings.withTheme(chosen)));

        navigator.selectionProperty().addListener((obs, old, selected) -> {
            if (selected != null) {
                current.set(selected.connection());
            }
        });
        navigator.connections().addListener((javafx.collections.ListChangeListener<NavigatorConnection>) change -> {
            if (current.get() == null || !navigator.connections().contains(current.get())) {
                current.set(navigator.connections().isEmpty() ? null : navigator.connections().get(0));
            }
        });
        current.addListener((obs, old, connection) -> currentUser.set(connection == null ? "" : connection.connector().currentUser()));
        connectionStatus.bind(Bindings.createStringBinding(() -> {
            NavigatorConnection connection = current.get();
            if (connection != null) {
                return connection.name() + " · " + connection.description();
            }
            if (opening.get()) {
                return "Opening " + sample.file() + " …";
            }
            return sampleProblem.get().isEmpty() ? "No connection" : "Could not open " + sample.file() + ": " + sampleProblem.get();
        }, current, sampleProblem, opening));
    }

    /** Opens the sample database, creating it on first launch. */
    public void openSample() {
        opening.set(true);
        sampleProblem.set("");
        tasks.execute(sample::open, connector -> {
            opening.set(false);
            if (closed) {
                connector.close();
                return;
            }
            owned.add(connector);
            navigator.add(SampleDatabase.CONNECTION_NAME, sample.file().toString(), connector);
        }, failure -> {
            opening.set(false);
            sampleProblem.set(NavigatorViewModel.describe(failure));
        });
    }

    /** The view registers here to be told which screens to open. */
    public void setWorkspace(Consumer<WorkspaceRequest> workspace) {
        this.workspace = workspace;
    }

    @Override
    public void openData(NavigatorConnection connection, String table) {
        workspace.accept(new WorkspaceRequest(WorkspaceRequest.Kind.DATA, connection, table));
    }

    @Override
    public void design(NavigatorConnection connection, String table) {
        workspace.accept(new WorkspaceRequest(WorkspaceRequest.Kind.DESIGN, connection, table));
    }

    @Override
    public void history(NavigatorConnection connection, String table) {
        workspace.accept(new WorkspaceRequest(WorkspaceRequest.Kind.HISTORY, connection, table));
    }

    @Override
    public void tableChanged(NavigatorConnection connection, String table) {
        workspace.accept(new WorkspaceRequest(WorkspaceRequest.Kind.TABLE_CHANGED, connection, table));
    }

    /** A SQL console on the current connection, if there is one. */
    public void openConsole() {
        NavigatorConnection connection = current.get();
        if (connection == null) {
            dialogs.showInformation("SQL console", "No connection is open", "Open a connection first.");
            return;
        }
        workspace.accept(new WorkspaceRequest(WorkspaceRequest.Kind.CONSOLE, connection, null));
    }

    /** A new table in the designer, on the current connection. */
    public void newTable() {
        NavigatorConnection connection = current.get();
        if (connection == null) {
            dialogs.showInformation("New table", "No connection is open", "Open a connection first.");
            return;
        }
        workspace.accept(new WorkspaceRequest(WorkspaceRequest.Kind.DESIGN, connection, null));
    }

    public void showAbout() {
        String version = MainWindowViewModel.class.getPackage().getImplementationVersion();
        dialogs.showInformation("About Tablewright", "Tablewright " + (version == null ? "(development build)" : version),
                "A desktop workbench for SQLite, PostgreSQL and MySQL/MariaDB databases.\n\n"
                        + "The sample database is " + sample.file() + ".");
    }

    /** Remembers where the window was, for the next launch. */
    public void rememberWindow(Settings.WindowBounds bounds) {
        saveSettings(settings.withWindow(bounds));
    }

    public Settings.WindowBounds rememberedWindow() {
        return settings.window();
    }

    private void saveSettings(Settings changed) {
        settings = changed;
        try {
            changed.save(settingsDir);
        } catch (IOException e) {
            // Settings are a convenience; failing to save them must not interrupt the user's work.
        }
    }

    public NavigatorViewModel navigator() {
        return navigator;
    }

    /** Where the sample database file is, whether or not it exists yet. */
    public String sampleLocation() {
        return sample.file().toString();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The connection the user works on: the one of the selected table, or the first open one. */
    public ObjectProperty<NavigatorConnection> currentConnectionProperty() {
        return current;
    }

    /** The name {@code $USER} stands for on the current connection; empty without one. */
    public ReadOnlyStringProperty currentUserProperty() {
        return currentUser.getReadOnlyProperty();
    }

    /** The status bar's account of the current connection, or of why the sample did not open. */
    public ReadOnlyStringProperty connectionStatusProperty() {
        return connectionStatus.getReadOnlyProperty();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObservableList<RunningTask> runningTasks() {
        return tasks.runningTasks();
    }

    /** Closes the connections this window opened; a sample still opening closes when it finishes. */
    @Override
    public void close() {
        closed = true;
        owned.forEach(Connector::close);
        owned.clear();
    }
}
