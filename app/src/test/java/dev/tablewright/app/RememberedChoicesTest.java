package dev.tablewright.app;

import dev.tablewright.app.testing.WholeApp;
import dev.tablewright.app.testing.NavigatorTables;
import dev.tablewright.app.shell.Settings;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.tablewright.app.testing.WholeApp.waitUntil;

/** The real app starting with choices the user made in an earlier launch. */
@ExtendWith(ApplicationExtension.class)
class RememberedChoicesTest {
    @TempDir
    Path dataDir;

    private final TablewrightApp app = new TablewrightApp();

    @Start
    void start(Stage stage) throws IOException {
        // As the last launch left them: edits written at once, a window of 1000 x 650.
        Settings.defaults().withWriteAtOnce(true).withWindow(new Settings.WindowBounds(0, 0, 1000, 650, false)).save(dataDir);
        WholeApp.start(app, stage, dataDir);
    }

    @Stop
    void stop() {
        WholeApp.stop(app);
    }

    @Test
    void writeAtOnceChosenInAnEarlierLaunchIsOnAndUncheckingItIsRemembered(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("6 rows").tryQuery().isPresent());
        NavigatorTables.doubleClick(robot, "categories");
        waitUntil(() -> robot.lookup("#gridWriteAtOnce").tryQuery().isPresent());

        CheckBox atOnce = robot.lookup("#gridWriteAtOnce").queryAs(CheckBox.class);
        assertTrue(atOnce.isSelected(), "the grid writes at once, as chosen last time");

        robot.clickOn(atOnce);
        assertFalse(atOnce.isSelected());
        assertFalse(Settings.load(dataDir).writeAtOnce(), "the next launch starts with edits waiting for Save");
    }

    @Test
    void aWindowOpenedAt1000PixelsGivesTheNavigatorRoomForItsNames(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("6 rows").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1000, robot.lookup("#mainWindow").query().getScene().getWidth(), 1);
        Region navigator = (Region) robot.lookup("#navigator").query().getParent();
        for (Node n = robot.lookup("#navigator").query(); n != null; n = n.getParent()) {
            if (n.getParent() instanceof SplitPane) {
                navigator = (Region) n;
                break;
            }
        }
        assertTrue(navigator.getWidth() >= 270, "the navigator is " + navigator.getWidth() + " px wide, as at 1280 px");
    }
}
