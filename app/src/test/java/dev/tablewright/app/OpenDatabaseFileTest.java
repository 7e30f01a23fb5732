package dev.tablewright.app;

import dev.tablewright.app.testing.WholeApp;
import dev.tablewright.app.dialog.FxDialogService;
import dev.tablewright.app.testing.NavigatorTables;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static dev.tablewright.app.testing.WholeApp.waitUntil;

/**
 * The real app opening a database file it did not create, Chinook, through File → Open, the
 * welcome page and Ctrl+O.
 */
@ExtendWith(ApplicationExtension.class)
class OpenDatabaseFileTest {
    private static final Path CHINOOK = Path.of("..", "..", "shared", "datasets", "chinook", "Chinook_Sqlite.sqlite");

    @TempDir
    static Path dataDir;

    private TablewrightApp app;
    private Path chinook;

    @Start
    void start(Stage stage) throws IOException {
        Assumptions.assumeTrue(Files.exists(CHINOOK), "the Chinook dataset is at " + CHINOOK.toAbsolutePath());
        Path dir = Files.createTempDirectory(dataDir, "run");
        chinook = dir.resolve("Chinook.sqlite");
        Files.copy(CHINOOK, chinook);
        app = new TablewrightApp(List.of(), owner -> new ChoosingFile(new FxDialogService(owner), chinook));
        WholeApp.start(app, stage, dir);
    }

    @Stop
    void stop() {
        WholeApp.stop(app);
    }

    private static void waitForChinook(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("Chinook.sqlite").tryQuery().isPresent() && robot.lookup("Genre").tryQuery().isPresent()
                && robot.lookup("25 rows").tryQuery().isPresent());
    }

    @Test
    void fileOpenDatabaseFileOpensTheChosenFileAndItsTablesBrowse(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("40 rows").tryQuery().isPresent());
        robot.clickOn("File").clickOn("#openFileMenuItem");
        waitForChinook(robot);

        NavigatorTables.doubleClick(robot, "Genre");
        waitUntil(() -> robot.lookup("#gridRowCount").tryQuery().isPresent()
                && "25 rows".equals(robot.lookup("#gridRowCount").queryLabeled().getText()));
        assertEquals(25, robot.lookup("#gridTable").queryTableView().getItems().size());
    }

    @Test
    void theWelcomePagesOpenButtonAndCtrlOOpenTheFileOnce(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("40 rows").tryQuery().isPresent());
        robot.clickOn("#welcomeOpenFile");
        waitForChinook(robot);
        robot.push(KeyCode.SHORTCUT, KeyCode.O);
        WaitForAsyncUtils.waitForFxEvents();

        TreeView<?> navigator = robot.lookup("#navigator").queryAs(TreeView.class);
        assertEquals(2, navigator.getRoot().getChildren().size(), "the sample and Chinook, which is not listed twice");
    }

}
