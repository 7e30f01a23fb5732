package dev.tablewright.app;

import dev.tablewright.app.testing.WholeApp;
import dev.tablewright.app.testing.NavigatorTables;
import dev.tablewright.app.testing.Screenshots;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Renders the whole window at work for docs/screenshots: the sample's products in the grid with a
 * filter applied from the docked builder, and the history of the same table. Runs only from
 * scripts/screenshots.sh.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("screenshot")
// Disabled as a whole in ordinary runs: TestFX would report an assumption in @Start as an error.
@EnabledIfSystemProperty(named = Screenshots.PROPERTY, matches = ".+")
class WorkbenchScreenshotsTest {
    @TempDir
    Path dataDir;

    private final TablewrightApp app = new TablewrightApp();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        WholeApp.start(app, stage, dataDir);
    }

    @Stop
    void stop() {
        WholeApp.stop(app);
    }

    @Test
    void theWorkbenchWithAFilteredGridAndAHistory(FxRobot robot) throws Exception {
        Screenshots.assumeRequested();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("26 rows").tryQuery().isPresent());

        NavigatorTables.doubleClick(robot, "products");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#gridRowCount").tryQuery().isPresent()
                && "26 rows".equals(robot.lookup("#gridRowCount").queryLabeled().getText()));
        robot.clickOn("#filterToggle");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#filterJson").tryQuery().isPresent());
        robot.clickOn("#filterJson").push(KeyCode.SHORTCUT, KeyCode.A)
                .write("[[\"categoryName\", \"=\", \"Coffee Beans\"], \"and\", [[\"stock\", \">\", 20], \"or\", [\"price\", \"<\", 14]]]");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#applyFilter").query().isDisabled());
        robot.clickOn("#applyFilter");
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene().getRoot(), "workbench-grid-filter");

        NavigatorTables.click(robot, "products");
        robot.push(KeyCode.SHORTCUT, KeyCode.H);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#historyEntries").tryQuery().isPresent()
                && !robot.lookup("#historyEntries").queryTableView().getItems().isEmpty());
        robot.clickOn("UPDATE");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene().getRoot(), "workbench-history");
    }
}
