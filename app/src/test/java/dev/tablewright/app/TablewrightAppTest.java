package dev.tablewright.app;

import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/** The real app, started headless on a sample database in a temporary data directory. */
@ExtendWith(ApplicationExtension.class)
class TablewrightAppTest {
    @TempDir
    static Path dataDir;

    private final TablewrightApp app = new TablewrightApp();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        System.setProperty(DataDirectory.PROPERTY, dataDir.toString());
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @AfterAll
    static void forgetDataDirectory() {
        System.clearProperty(DataDirectory.PROPERTY);
    }

    @Test
    void theWindowIsTitledTablewright() {
        assertEquals("Tablewright", stage.getTitle());
        assertTrue(stage.isShowing());
    }

    @Test
    void theNavigatorListsTheSampleTablesWithTheirRowCounts(FxRobot robot) throws TimeoutException {
        TreeView<?> navigator = robot.lookup("#navigator").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("40 rows").tryQuery().isPresent());

        assertTrue(robot.lookup("Sample (SQLite)").tryQuery().isPresent(), "the connection is listed");
        for (String table : List.of("categories", "customers", "orders", "products")) {
            assertTrue(robot.lookup(table).tryQuery().isPresent(), table + " is listed");
        }
        assertEquals(4, navigator.getRoot().getChildren().get(0).getChildren().size());
        assertTrue(Files.isRegularFile(dataDir.resolve("sample.db")));
    }

    @Test
    void theStatusBarShowsTheDatabaseFileAndTheCurrentUser(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !robot.lookup("#statusUser").queryLabeled().getText().isEmpty());

        verifyThat("#statusConnection", hasText("Sample (SQLite) · " + dataDir.resolve("sample.db")));
        verifyThat("#statusUser", hasText("$USER = " + System.getProperty("user.name")));
    }

    @Test
    void searchingTheNavigatorLeavesOnlyMatchingTables(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("40 rows").tryQuery().isPresent());

        robot.clickOn("#navigatorSearch").write("cust");
        WaitForAsyncUtils.waitForFxEvents();

        TreeView<?> navigator = robot.lookup("#navigator").queryAs(TreeView.class);
        assertEquals(1, navigator.getRoot().getChildren().get(0).getChildren().size());
        assertTrue(robot.lookup("customers").tryQuery().isPresent());
        assertTrue(robot.lookup("orders").tryQuery().isEmpty());
    }
}
