package dev.tablewright.app.connection;

import atlantafx.base.theme.PrimerLight;
import dev.tablewright.app.dialog.ScriptedDialogService;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;
import dev.tablewright.core.testing.TestDatabases;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection manager on a real stage, driven by typing and clicking. */
@ExtendWith(ApplicationExtension.class)
class ConnectionManagerViewTest {
    @TempDir
    static Path configDir;

    private FxTaskExecutor tasks;
    private ConnectionRegistry registry;
    private ConnectionManagerViewModel viewModel;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        tasks = new FxTaskExecutor();
        registry = new ConnectionRegistry(Platform::runLater);
        viewModel = new ConnectionManagerViewModel(new ProfileStore(configDir),
                new PasswordVault(new EncryptedFileSecretStore(configDir, 10_000), "Remembered passwords go to a test file."),
                registry, tasks, new ScriptedDialogService());
        viewModel.load();
        stage.setScene(new Scene(new ConnectionManagerView(viewModel).root(), 900, 560));
        stage.show();
    }

    @Stop
    void stop() {
        registry.closeAll();
        tasks.close();
    }

    @Test
    void aSqliteProfileTypedIntoTheFormTestsSavesAndAppearsInTheList(FxRobot robot) throws TimeoutException {
        String file = TestDatabases.fresh("sqlite").database();
        try (Connector c = Connector.connect(ConnectOptions.sqlite(file))) {
            c.defineTable("notes", Map.of("text", "string"));
        }
        assertTrue(robot.lookup("#saveProfile").queryButton().isDisabled(), "nothing to save before a file is given");

        robot.clickOn("#profileName").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL)
                .write("Field notes");
        robot.clickOn("#databaseFile").write(file);
        robot.clickOn("#testConnection");
        Label result = robot.lookup("#testResult").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> result.getText().startsWith("Connected: SQLite 3."));
        robot.clickOn("#saveProfile");

        ListView<ConnectionProfile> list = robot.lookup("#profileList").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Field notes", list.getItems().get(0).name());
        assertEquals(file, list.getItems().get(0).database());
        assertTrue(robot.lookup("#profileList").lookup("Field notes").tryQuery().isPresent(), "the list shows the name");
        assertEquals(list.getItems().get(0), list.getSelectionModel().getSelectedItem());
        assertEquals(List.of("Field notes"), new ProfileStore(configDir).load().stream().map(ConnectionProfile::name).toList());
    }

    /** Whether the node and everything around it are visible, as a person would see it. */
    private static boolean shown(FxRobot robot, String query) {
        for (Node n = robot.lookup(query).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void choosingAServerDialectShowsTheServerFieldsAndHidesTheFile(FxRobot robot) {
        assertTrue(shown(robot, "#databaseFile"));
        assertFalse(shown(robot, "#host"));

        robot.clickOn("#profileDialect").clickOn("PostgreSQL");

        assertTrue(shown(robot, "#host"));
        assertTrue(shown(robot, "#password"));
        assertFalse(shown(robot, "#databaseFile"));
        assertEquals("5432", robot.lookup("#port").queryAs(TextField.class).getPromptText());
        assertEquals("Enter the name of the database on the server.", robot.lookup("#validationMessage").queryLabeled().getText());
        assertTrue(robot.lookup("#connect").queryAs(Button.class).isDisabled());
    }
}
