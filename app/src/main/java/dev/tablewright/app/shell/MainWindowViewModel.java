package dev.tablewright.app.shell;

import dev.tablewright.app.connection.ConnectionManagerViewModel;
import dev.tablewright.app.connection.ConnectionProfile;
import dev.tablewright.app.connection.ConnectionRegistry;
import dev.tablewright.app.connection.OpenConnection;
import dev.tablewright.app.connection.PasswordVault;
import dev.tablewright.app.connection.ProfileStore;
import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.navigator.NavigatorConnection;
import dev.tablewright.app.navigator.NavigatorViewModel;
import dev.tablewright.app.navigator.TableActions;
import dev.tablewright.app.sample.SampleDatabase;
import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.RunningTask;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;

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
    private final Path configDir;
    private final ConnectionRegistry registry;
    private final Map<NavigatorConnection, OpenConnection> profiles = new LinkedHashMap<>();
    /** Database files opened with File → Open or New, a command-line argument or a drop: closed on Disconnect. */
    private final Map<NavigatorConnection, Path> files = new LinkedHashMap<>();
    private final ObservableList<String> recentFiles = FXCollections.observableArrayList();
    private NavigatorConnection sampleConnection;
    private ConnectionManagerViewModel connectionManager;
    private Consumer<ConnectionManagerViewModel> connectionManagerOpener = manager -> { };

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Tablewright");
    private final ObjectProperty<NavigatorConnection> current = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper currentUser = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper connectionStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sampleProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper connectionProblem = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BooleanProperty writeAtOnce = new SimpleBooleanProperty();
    private final List<Connector> owned = new ArrayList<>();
    private Consumer<WorkspaceRequest> workspace = request -> { };
    private Settings settings;
    private final BooleanProperty opening = new SimpleBooleanProperty();
    private boolean closed;

    public MainWindowViewModel(SampleDatabase sample, TaskExecutor tasks, DialogService dialogs, Path settingsDir) {
        this(sample, tasks, dialogs, settingsDir, null, null);
    }

    /**
     * {@code configDir} holds the connection profiles and remembered passwords, {@code registry}
     * the open connections; without them (null) the window offers only the sample.
     */
    public MainWindowViewModel(SampleDatabase sample, TaskExecutor tasks, DialogService dialogs, Path settingsDir,
                               Path configDir, ConnectionRegistry registry) {
        this.sample = sample;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settingsDir = settingsDir;
        this.configDir = configDir;
        this.registry = registry;
        this.navigator = new NavigatorViewModel(tasks, dialogs, this);
        this.settings = Settings.load(settingsDir);
        theme.set(settings.theme());
        recentFiles.setAll(settings.recentFiles());
        theme.addListener((obs, old, chosen) -> saveSettings(settings.withTheme(chosen)));
        writeAtOnce.set(settings.writeAtOnce());
        writeAtOnce.addListener((obs, old, atOnce) -> saveSettings(settings.withWriteAtOnce(atOnce)));

        navigator.selectionProperty().addListener((obs, old, selected) -> {
            if (selected != null) {
                current.set(selected.connection());
            }
        });
        navigator.connections().addListener((ListChangeListener<NavigatorConnection>) change -> {
            if (current.get() == null || !navigator.connections().contains(current.get())) {
                current.set(navigator.connections().isEmpty() ? null : navigator.connections().get(0));
            }
        });
        current.addListener((obs, old, connection) -> currentUser.set(connection == null ? "" : connection.connector().currentUser()));
        connectionStatus.bind(Bindings.createStringBinding(() -> {
            NavigatorConnection connection = current.get();
            if (connection != null) {
                String lost = profiles.containsKey(connection) && !connectionProblem.get().isEmpty()
                        ? " · connection lost: " + connectionProblem.get() : "";
                return connection.name() + " · " + connection.description() + lost;
            }
            if (opening.get()) {
                return "Opening " + sample.file() + " …";
            }
            return sampleProblem.get().isEmpty() ? "No connection" : "Could not open " + sample.file() + ": " + sampleProblem.get();
        }, current, sampleProblem, opening, connectionProblem));
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
            sampleConnection = navigator.add(SampleDatabase.CONNECTION_NAME, sample.file().toString(), connector);
            reopenRemembered();
        }, failure -> {
            opening.set(false);
            sampleProblem.set(Failures.describe(failure));
            reopenRemembered();
        });
    }

    /** The sample becomes the connection the user works on (the welcome page's "sample" button). */
    public void showSample() {
        if (sampleConnection != null && navigator.connections().contains(sampleConnection)) {
            current.set(sampleConnection);
        } else if (!opening.get()) {
            openSample();
        }
    }

    // --- database files ---

    private static final List<DialogService.FileFilter> DATABASE_FILES = List.of(
            new DialogService.FileFilter("SQLite databases", List.of("*.sqlite", "*.sqlite3", "*.db", "*.db3")),
            new DialogService.FileFilter("All files", List.of("*")));

    /** File → Open database file: asks for a SQLite file and opens it. */
    public void openFile() {
        dialogs.chooseFileToOpen("Open database file", DATABASE_FILES).ifPresent(this::openFile);
    }

    /** File → New database file: asks where, then creates an empty SQLite database there and opens it. */
    public void newFile() {
        dialogs.chooseFileToCreate("New database file", "database.sqlite", DATABASE_FILES).ifPresent(file -> open(file, true));
    }

    /**
     * Opens an existing SQLite file (from the menu, the recent files, the command line or a drop)
     * and makes it the connection the user works on; a file already open is only brought forward.
     * Opening writes nothing into the file.
     */
    public void openFile(Path file) {
        open(file, false);
    }

    private void open(Path chosen, boolean create) {
        Path file = chosen.toAbsolutePath().normalize();
        for (Map.Entry<NavigatorConnection, Path> known : files.entrySet()) {
            if (known.getValue().equals(file)) {
                current.set(known.getKey());
                return;
            }
        }
        tasks.execute(() -> {
            if (!create) {
                DatabaseFiles.checkReadable(file);
            }
            return Connector.connect(ConnectOptions.sqlite(file.toString()));
        }, connector -> {
            if (closed) {
                connector.close();
                return;
            }
            owned.add(connector);
            NavigatorConnection shown = navigator.add(file.getFileName().toString(), "SQLite · " + file, connector);
            files.put(shown, file);
            current.set(shown);
            saveSettings(settings.withRecentFile(file.toString()));
            recentFiles.setAll(settings.recentFiles());
        }, failure -> dialogs.showError("Could not open " + file.getFileName(), Failures.describe(failure)));
    }

    /** The database files opened lately, newest first, for File → Open recent. */
    public ObservableList<String> recentFiles() {
        return recentFiles;
    }

    // --- connections from profiles ---

    /** Opens the connection manager, reading the profiles and finding the password store first time. */
    public void showConnections() {
        withConnectionManager(connectionManagerOpener);
    }

    /** The view registers here to show the connection manager window. */
    public void setConnectionManagerOpener(Consumer<ConnectionManagerViewModel> opener) {
        this.connectionManagerOpener = opener;
    }

    /**
     * The connection manager, built on first use: finding where passwords can be remembered asks
     * the OS keyring, which may take seconds, so it runs on the task executor.
     */
    private void withConnectionManager(Consumer<ConnectionManagerViewModel> action) {
        if (registry == null) {
            dialogs.showInformation("Connections", "Connection profiles are not available", "This window offers only the sample database.");
            return;
        }
        if (connectionManager != null) {
            action.accept(connectionManager);
            return;
        }
        tasks.execute(() -> PasswordVault.detect(configDir), vault -> {
            if (connectionManager == null) {
                connectionManager = new ConnectionManagerViewModel(new ProfileStore(configDir), vault, registry, tasks, dialogs);
                connectionManager.setOnConnected(this::connected);
                connectionManager.load();
            }
            action.accept(connectionManager);
        }, failure -> dialogs.showError("Could not open the connection manager", Failures.describe(failure)));
    }

    /** The connection manager window opened a connection (it takes over the manager's callback to close itself). */
    public void connectedFromManager(OpenConnection open) {
        connected(open);
    }

    /** A connection opened from a profile: listed in the navigator and remembered for the next launch. */
    private void connected(OpenConnection open) {
        for (Map.Entry<NavigatorConnection, OpenConnection> known : profiles.entrySet()) {
            if (known.getValue() == open) {
                navigator.selectionProperty().set(null);
                current.set(known.getKey());
                return;
            }
        }
        NavigatorConnection shown = navigator.add(open.profileName(), open.profile().dialect() + " · " + open.profile().location(),
                open.connector());
        profiles.put(shown, open);
        open.stateProperty().addListener((obs, old, state) -> lostOrBack(shown, open));
        current.set(shown);
        rememberOpenConnections();
    }

    private void lostOrBack(NavigatorConnection shown, OpenConnection open) {
        if (open.currentState() == OpenConnection.State.OPEN) {
            navigator.refresh(shown);
        }
        connectionProblem.set(open.currentState() == OpenConnection.State.LOST ? open.problemProperty().get() : "");
    }

    @Override
    public boolean canDisconnect(NavigatorConnection connection) {
        return isFromProfile(connection) || files.containsKey(connection);
    }

    /**
     * Closes a connection opened from a profile or a file (the sample stays); a profile's is
     * forgotten for the next launch.
     */
    @Override
    public void disconnect(NavigatorConnection connection) {
        if (files.remove(connection) != null) {
            navigator.remove(connection);
            owned.remove(connection.connector());
            Connector connector = connection.connector();
            tasks.execute(() -> {
                connector.close();
                return null;
            }, done -> { }, failure -> { });
            return;
        }
        OpenConnection open = profiles.remove(connection);
        if (open == null) {
            return;
        }
        navigator.remove(connection);
        rememberOpenConnections();
        tasks.execute(() -> {
            registry.close(open);
            return null;
        }, done -> { }, failure -> { });
    }

    /** Whether a navigator connection came from a profile (and so can be disconnected). */
    public boolean isFromProfile(NavigatorConnection connection) {
        return profiles.containsKey(connection);
    }

    /** Asks every open connection whether its server still answers; a lost one says so in the status bar. */
    public void checkConnections() {
        if (registry == null || profiles.isEmpty()) {
            return;
        }
        tasks.execute(() -> {
            registry.checkAll();
            return null;
        }, done -> { }, failure -> { });
    }

    /** Opens again the connections that were open when the app last closed. */
    private void reopenRemembered() {
        List<String> names = settings.openConnections();
        if (names.isEmpty() || registry == null) {
            return;
        }
        withConnectionManager(manager -> {
            Runnable openThem = () -> manager.profilesProperty().stream()
                    .filter(p -> names.contains(p.name()))
                    .forEach(manager::open);
            if (!manager.profilesProperty().isEmpty()) {
                openThem.run();
                return;
            }
            manager.profilesProperty().addListener(new ListChangeListener<ConnectionProfile>() {
                @Override
                public void onChanged(Change<? extends ConnectionProfile> change) {
                    manager.profilesProperty().removeListener(this);
                    openThem.run();
                }
            });
        });
    }

    private void rememberOpenConnections() {
        saveSettings(settings.withOpenConnections(profiles.values().stream().map(OpenConnection::profileName).toList()));
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
    public void filter(NavigatorConnection connection, String table) {
        workspace.accept(new WorkspaceRequest(WorkspaceRequest.Kind.FILTER, connection, table));
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
    public void timeTravel(NavigatorConnection connection, String table, Instant at) {
        workspace.accept(new WorkspaceRequest(WorkspaceRequest.Kind.TIME_TRAVEL, connection, table, at));
    }

    @Override
    public void rowHistory(NavigatorConnection connection, String table, Object id) {
        workspace.accept(new WorkspaceRequest(WorkspaceRequest.Kind.HISTORY, connection, table, id));
    }

    @Override
    public void tableChanged(NavigatorConnection connection, String table) {
        workspace.accept(new WorkspaceRequest(WorkspaceRequest.Kind.TABLE_CHANGED, connection, table));
    }

    @Override
    public void tableRenamed(NavigatorConnection connection, String oldName, String newName) {
        workspace.accept(WorkspaceRequest.renamed(connection, oldName, newName));
    }

    @Override
    public void diagram(NavigatorConnection connection) {
        workspace.accept(new WorkspaceRequest(WorkspaceRequest.Kind.DIAGRAM, connection, null));
    }

    /** The relationship diagram of the current connection, if there is one. */
    public void openDiagram() {
        onCurrentConnection("Relationship diagram", WorkspaceRequest.Kind.DIAGRAM);
    }

    /** A SQL console on the current connection, if there is one. */
    public void openConsole() {
        onCurrentConnection("SQL console", WorkspaceRequest.Kind.CONSOLE);
    }

    /** A new table in the designer, on the current connection. */
    public void newTable() {
        onCurrentConnection("New table", WorkspaceRequest.Kind.DESIGN);
    }

    private void onCurrentConnection(String what, WorkspaceRequest.Kind kind) {
        NavigatorConnection connection = current.get();
        if (connection == null) {
            dialogs.showInformation(what, "No connection is open", "Open a connection first.");
            return;
        }
        workspace.accept(new WorkspaceRequest(kind, connection, null));
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

    /** The grids' "Write at once" choice, remembered for the next launch. */
    public BooleanProperty writeAtOnceProperty() {
        return writeAtOnce;
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
        if (registry != null) {
            registry.closeAll();
        }
    }
}
