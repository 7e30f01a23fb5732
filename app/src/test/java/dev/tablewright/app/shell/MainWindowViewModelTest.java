package dev.tablewright.app.shell;

import dev.tablewright.app.dialog.ScriptedDialogService;
import dev.tablewright.app.sample.SampleDatabase;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainWindowViewModelTest {
    @TempDir
    Path dataDir;

    private final ScriptedDialogService fakeDialogs = new ScriptedDialogService();
    private final List<String> dialogs = fakeDialogs.shown();
    private MainWindowViewModel viewModel;

    @AfterEach
    void close() {
        viewModel.close();
    }

    @Test
    void startsOpeningWithNoTables() {
        viewModel = new MainWindowViewModel(new SampleDatabase(dataDir), new SameThreadTaskExecutor(), fakeDialogs);

        assertEquals(MainWindowViewModel.State.OPENING, viewModel.stateProperty().get());
        assertEquals(List.of(), viewModel.tablesProperty());
        assertEquals("Tablewright", viewModel.titleProperty().get());
    }

    @Test
    void openingListsTheSampleTablesWithTheirRowCounts() {
        viewModel = new MainWindowViewModel(new SampleDatabase(dataDir), new SameThreadTaskExecutor(), fakeDialogs);

        viewModel.open();

        assertEquals(MainWindowViewModel.State.OPEN, viewModel.stateProperty().get());
        assertEquals(List.of(new TableSummary("categories", 6), new TableSummary("customers", 20),
                new TableSummary("orders", 40), new TableSummary("products", 26)), viewModel.tablesProperty());
    }

    @Test
    void theStatusNamesTheConnectionFileAndTheCurrentUser() {
        SampleDatabase sample = new SampleDatabase(dataDir);
        viewModel = new MainWindowViewModel(sample, new SameThreadTaskExecutor(), fakeDialogs);

        viewModel.open();

        assertEquals("Sample (SQLite) · " + sample.file(), viewModel.connectionStatusProperty().get());
        assertEquals(System.getProperty("user.name"), viewModel.currentUserProperty().get());
    }

    @Test
    void openingAgainReloadsTheTablesFromTheDatabase() {
        SampleDatabase sample = new SampleDatabase(dataDir);
        viewModel = new MainWindowViewModel(sample, new SameThreadTaskExecutor(), fakeDialogs);
        viewModel.open();
        try (Connector other = sample.open()) {
            other.clearTable("orders");
        }

        viewModel.open();

        assertEquals(new TableSummary("orders", 0), viewModel.tablesProperty().get(2));
    }

    @Test
    void aSampleThatCannotBeOpenedSaysWhyAndListsNoTables() throws IOException {
        Path notADirectory = Files.writeString(dataDir.resolve("occupied"), "a file where the data directory should be");
        viewModel = new MainWindowViewModel(new SampleDatabase(notADirectory), new SameThreadTaskExecutor(), fakeDialogs);

        viewModel.open();

        assertEquals(MainWindowViewModel.State.FAILED, viewModel.stateProperty().get());
        assertEquals(List.of(), viewModel.tablesProperty());
        assertTrue(viewModel.connectionStatusProperty().get().startsWith("Could not open " + notADirectory.resolve("sample.db")),
                viewModel.connectionStatusProperty().get());
        assertTrue(viewModel.problemProperty().get().contains("occupied"), viewModel.problemProperty().get());
    }

    @Test
    void aboutSaysWhatTheAppIsAndWhereTheSampleLives() {
        SampleDatabase sample = new SampleDatabase(dataDir);
        viewModel = new MainWindowViewModel(sample, new SameThreadTaskExecutor(), fakeDialogs);

        viewModel.showAbout();

        assertEquals(1, dialogs.size());
        assertTrue(dialogs.get(0).startsWith("information|About Tablewright|Tablewright "), dialogs.get(0));
        assertTrue(dialogs.get(0).contains("SQLite, PostgreSQL and MySQL/MariaDB"), dialogs.get(0));
        assertTrue(dialogs.get(0).contains(sample.file().toString()), dialogs.get(0));
    }
}
