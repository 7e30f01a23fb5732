package dev.tablewright.app.shell;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.navigator.NavigatorConnection;
import dev.tablewright.app.navigator.NavigatorTable;
import dev.tablewright.app.sample.SampleDatabase;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.tablewright.app.connection.ConnectionManagerViewModel;
import dev.tablewright.app.connection.ConnectionRegistry;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;
import java.util.Map;

class MainWindowViewModelTest {
    @TempDir
    Path dataDir;

    private final RecordingDialogService fakeDialogs = new RecordingDialogService();
    private final List<WorkspaceRequest> requests = new ArrayList<>();
    private MainWindowViewModel viewModel;

    @AfterEach
    void close() {
        viewModel.close();
    }

    private MainWindowViewModel open(SampleDatabase sample) {
        viewModel = new MainWindowViewModel(sample, new SameThreadTaskExecutor(), fakeDialogs, dataDir);
        viewModel.setWorkspace(requests::add);
        return viewModel;
    }

    @Test
    void startsWithNoConnectionAndTheDefaultTitle() {
        open(new SampleDatabase(dataDir));

        assertEquals(List.of(), viewModel.navigator().connections());
        assertEquals("Tablewright", viewModel.titleProperty().get());
        assertEquals("No connection", viewModel.connectionStatusProperty().get());
    }

    @Test
    void openingTheSampleListsItsTablesWithTheirRowCounts() {
        open(new SampleDatabase(dataDir)).openSample();

        NavigatorConnection sample = viewModel.navigator().connections().get(0);
        assertEquals(SampleDatabase.CONNECTION_NAME, sample.name());
        assertEquals(List.of(new NavigatorTable("categories", 6, false), new NavigatorTable("customers", 20, false),
                new NavigatorTable("orders", 40, false), new NavigatorTable("products", 26, true)), sample.tables());
    }

    @Test
    void theStatusNamesTheConnectionFileAndTheCurrentUser() {
        SampleDatabase sample = new SampleDatabase(dataDir);
        open(sample).openSample();

        assertEquals("Sample (SQLite) · " + sample.file(), viewModel.connectionStatusProperty().get());
        assertEquals(System.getProperty("user.name"), viewModel.currentUserProperty().get());
    }

    @Test
    void aSampleThatCannotBeOpenedSaysWhy() throws IOException {
        Path notADirectory = Files.writeString(dataDir.resolve("occupied"), "a file where the data directory should be");
        open(new SampleDatabase(notADirectory)).openSample();

        assertEquals(List.of(), viewModel.navigator().connections());
        String status = viewModel.connectionStatusProperty().get();
        assertTrue(status.startsWith("Could not open " + notADirectory.resolve("sample.db")), status);
        assertTrue(status.contains("occupied"), status);
    }

    private static final Path CHINOOK = Path.of("..", "..", "shared", "datasets", "chinook", "Chinook_Sqlite.sqlite");

    private Path chinookCopy() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(CHINOOK), "the Chinook dataset is at " + CHINOOK.toAbsolutePath());
        Path copy = dataDir.resolve("chinook.sqlite");
        Files.copy(CHINOOK, copy);
        return copy;
    }

    @Test
    void openDatabaseFileListsTheChosenFilesTablesAndRemembersItAmongTheRecentFiles() throws IOException {
        Path chinook = chinookCopy();
        fakeDialogs.answerFiles(chinook);
        open(new SampleDatabase(dataDir)).openFile();

        NavigatorConnection opened = viewModel.navigator().connections().get(0);
        assertEquals("chinook.sqlite", opened.name());
        assertEquals(11, opened.tables().size(), opened.tables().toString());
        assertTrue(opened.tables().contains(new NavigatorTable("Genre", 25, false)), opened.tables().toString());
        assertEquals(opened, viewModel.currentConnectionProperty().get());
        assertEquals(List.of(chinook.toAbsolutePath().normalize().toString()), viewModel.recentFiles());
        assertEquals(viewModel.recentFiles(), Settings.load(dataDir).recentFiles(), "remembered for the next launch");
        assertTrue(viewModel.canDisconnect(opened), "a file opened by the user can be closed again");
    }

    @Test
    void openingAFileAlreadyOpenBringsItForwardInsteadOfOpeningItTwice() throws IOException {
        Path chinook = chinookCopy();
        open(new SampleDatabase(dataDir)).openSample();
        viewModel.openFile(chinook);
        viewModel.currentConnectionProperty().set(viewModel.navigator().connections().get(0));

        viewModel.openFile(dataDir.resolve(".").resolve("chinook.sqlite"));

        assertEquals(2, viewModel.navigator().connections().size());
        assertEquals("chinook.sqlite", viewModel.currentConnectionProperty().get().name());
    }

    @Test
    void aFileThatIsNotASqliteDatabaseIsRefusedWithTheReasonAndLeftAsItWas() throws IOException {
        Path notes = Files.writeString(dataDir.resolve("notes.db"), "these are notes, not a database");
        open(new SampleDatabase(dataDir)).openFile(notes);

        assertEquals(List.of(), viewModel.navigator().connections());
        assertEquals(1, fakeDialogs.shown().size(), fakeDialogs.shown().toString());
        String shown = fakeDialogs.shown().get(0);
        assertTrue(shown.contains("Could not open notes.db") && shown.contains("CONNECTION_FAILED") && shown.contains("not a SQLite database"), shown);
        assertEquals("these are notes, not a database", Files.readString(notes));
        assertEquals(List.of(), viewModel.recentFiles());
    }

    @Test
    void aMissingFileIsRefusedRatherThanCreated() {
        Path missing = dataDir.resolve("gone.sqlite");
        open(new SampleDatabase(dataDir)).openFile(missing);

        assertTrue(fakeDialogs.shown().get(0).contains("There is no file"), fakeDialogs.shown().toString());
        assertTrue(Files.notExists(missing));
    }

    @Test
    void newDatabaseFileCreatesAnEmptyDatabaseWhereTheUserChose() {
        Path created = dataDir.resolve("new.sqlite");
        fakeDialogs.answerFiles(created);
        open(new SampleDatabase(dataDir)).newFile();

        assertTrue(Files.isRegularFile(created));
        assertEquals("new.sqlite", viewModel.currentConnectionProperty().get().name());
        assertEquals(List.of(), viewModel.currentConnectionProperty().get().tables());
    }

    @Test
    void navigatorCommandsBecomeWorkspaceRequests() {
        open(new SampleDatabase(dataDir)).openSample();
        NavigatorConnection sample = viewModel.navigator().connections().get(0);

        viewModel.navigator().openData(sample, "orders");
        viewModel.navigator().design(sample, "products");
        viewModel.openConsole();
        viewModel.newTable();

        assertEquals(List.of(new WorkspaceRequest(WorkspaceRequest.Kind.DATA, sample, "orders"),
                new WorkspaceRequest(WorkspaceRequest.Kind.DESIGN, sample, "products"),
                new WorkspaceRequest(WorkspaceRequest.Kind.CONSOLE, sample, null),
                new WorkspaceRequest(WorkspaceRequest.Kind.DESIGN, sample, null)), requests);
    }

    @Test
    void filteringATableFromTheNavigatorAsksForItsDataWithTheFilterBuilder() {
        open(new SampleDatabase(dataDir)).openSample();
        NavigatorConnection sample = viewModel.navigator().connections().get(0);

        viewModel.navigator().filter(sample, "products");

        assertEquals(List.of(new WorkspaceRequest(WorkspaceRequest.Kind.FILTER, sample, "products")), requests);
    }

    @Test
    void theChosenThemeIsRememberedForTheNextLaunch() {
        open(new SampleDatabase(dataDir)).themeProperty().set(Theme.DARK);
        viewModel.close();

        MainWindowViewModel next = new MainWindowViewModel(new SampleDatabase(dataDir), new SameThreadTaskExecutor(),
                fakeDialogs, dataDir);
        assertEquals(Theme.DARK, next.themeProperty().get());
        next.close();
    }

    @Test
    void writeAtOnceIsRememberedForTheNextLaunch() {
        MainWindowViewModel first = open(new SampleDatabase(dataDir));
        assertFalse(first.writeAtOnceProperty().get(), "edits wait for Save until the user chooses otherwise");
        first.writeAtOnceProperty().set(true);
        viewModel.close();

        MainWindowViewModel next = new MainWindowViewModel(new SampleDatabase(dataDir), new SameThreadTaskExecutor(),
                fakeDialogs, dataDir);
        assertTrue(next.writeAtOnceProperty().get());
        next.themeProperty().set(Theme.DARK);
        assertTrue(Settings.load(dataDir).writeAtOnce(), "saving another setting keeps the choice");
        next.close();
    }

    @Test
    void aDamagedSettingsFileFallsBackToTheDefaults() throws IOException {
        Files.writeString(dataDir.resolve(Settings.FILE_NAME), "{ not json");

        assertEquals(Theme.LIGHT, open(new SampleDatabase(dataDir)).themeProperty().get());
    }

    @Test
    void aboutSaysWhatTheAppIsAndWhereTheSampleLives() {
        SampleDatabase sample = new SampleDatabase(dataDir);
        open(sample).showAbout();

        List<String> dialogs = fakeDialogs.shown();
        assertEquals(1, dialogs.size());
        assertTrue(dialogs.get(0).startsWith("information|About Tablewright|Tablewright "), dialogs.get(0));
        assertTrue(dialogs.get(0).contains("SQLite, PostgreSQL and MySQL/MariaDB"), dialogs.get(0));
        assertTrue(dialogs.get(0).contains(sample.file().toString()), dialogs.get(0));
    }

    private MainWindowViewModel openWithProfiles(Path config) {
        viewModel = new MainWindowViewModel(new SampleDatabase(dataDir), new SameThreadTaskExecutor(), fakeDialogs, dataDir,
                config, new ConnectionRegistry(Runnable::run));
        viewModel.setWorkspace(requests::add);
        return viewModel;
    }

    private static Path notesDatabase(Path dir) {
        Path file = dir.resolve("notes.db");
        try (Connector notes = Connector.connect(
                ConnectOptions.sqlite(file.toString()))) {
            notes.defineTable("notes", Map.of("text", "string"));
        }
        return file;
    }

    @Test
    void aConnectionOpenedInTheManagerJoinsTheNavigatorAndIsReopenedNextLaunch(@TempDir Path config) {
        Path notes = notesDatabase(config);
        openWithProfiles(config).openSample();
        List<ConnectionManagerViewModel> managers = new ArrayList<>();
        viewModel.setConnectionManagerOpener(managers::add);

        viewModel.showConnections();
        ConnectionManagerViewModel manager = managers.get(0);
        manager.nameProperty().set("Notes");
        manager.databaseProperty().set(notes.toString());
        manager.connect();

        assertEquals(List.of(SampleDatabase.CONNECTION_NAME, "Notes"),
                viewModel.navigator().connections().stream().map(NavigatorConnection::name).toList());
        NavigatorConnection opened = viewModel.navigator().connections().get(1);
        assertEquals(List.of("notes"), opened.tables().stream().map(NavigatorTable::name).toList());
        assertEquals(opened, viewModel.currentConnectionProperty().get());
        assertTrue(viewModel.canDisconnect(opened));
        assertTrue(!viewModel.canDisconnect(viewModel.navigator().connections().get(0)), "the sample stays");
        viewModel.close();

        openWithProfiles(config).openSample();
        assertEquals(List.of(SampleDatabase.CONNECTION_NAME, "Notes"),
                viewModel.navigator().connections().stream().map(NavigatorConnection::name).toList(), "reopened at launch");
    }

    @Test
    void aDisconnectedConnectionLeavesTheNavigatorAndIsNotReopened(@TempDir Path config) {
        Path notes = notesDatabase(config);
        openWithProfiles(config).openSample();
        List<ConnectionManagerViewModel> managers = new ArrayList<>();
        viewModel.setConnectionManagerOpener(managers::add);
        viewModel.showConnections();
        managers.get(0).nameProperty().set("Notes");
        managers.get(0).databaseProperty().set(notes.toString());
        managers.get(0).connect();

        viewModel.disconnect(viewModel.navigator().connections().get(1));

        assertEquals(List.of(SampleDatabase.CONNECTION_NAME),
                viewModel.navigator().connections().stream().map(NavigatorConnection::name).toList());
        viewModel.close();
        openWithProfiles(config).openSample();
        assertEquals(1, viewModel.navigator().connections().size());
    }
}
