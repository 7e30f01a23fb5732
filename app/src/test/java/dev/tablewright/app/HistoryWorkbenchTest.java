package dev.tablewright.app;

import dev.tablewright.app.testing.WholeApp;
import dev.tablewright.app.testing.NavigatorTables;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.tablewright.app.testing.WholeApp.waitUntil;
import static dev.tablewright.app.testing.WholeApp.rightClick;

/** The history features in the whole window, on the sample: keeping a table's history from the navigator, and the table as it stood before a delete. */
@ExtendWith(ApplicationExtension.class)
class HistoryWorkbenchTest {
    @TempDir
    Path dataDir;

    private final TablewrightApp app = new TablewrightApp();

    @Start
    void start(Stage stage) {
        WholeApp.start(app, stage, dataDir);
    }

    @Stop
    void stop() {
        WholeApp.stop(app);
    }

    private static Node inNavigator(FxRobot robot, String table) {
        Node navigator = robot.lookup("#navigator").query();
        return robot.from(navigator).lookup(table).query();
    }

    private static Button button(FxRobot robot, String text) {
        return robot.lookup(".button").queryAllAs(Button.class).stream().filter(b -> text.equals(b.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text));
    }

    @Test
    void keepingHistoryFromTheNavigatorShowsWhatItWritesFirst(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("26 rows").tryQuery().isPresent());
        int badges = robot.lookup(".history-badge").queryAll().size();

        rightClick(robot, inNavigator(robot, "customers"));
        robot.clickOn("Keep history…");
        waitUntil(() -> robot.lookup("#confirmDetails").tryQuery().isPresent());
        String statements = robot.lookup("#confirmDetails").queryAs(TextArea.class).getText();
        assertTrue(statements.contains("CREATE TRIGGER"), statements);
        assertTrue(robot.lookup(".dialog-pane .content").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().contains("__history_customers")), "the dialog names the table it creates");
        robot.clickOn(button(robot, "Keep history"));

        waitUntil(() -> robot.lookup("#confirmDetails").tryQuery().isEmpty());
        waitUntil(() -> robot.lookup(".history-badge").queryAll().size() == badges + 1);
        rightClick(robot, inNavigator(robot, "customers"));
        waitUntil(() -> robot.lookup("Stop keeping history…").tryQuery().isPresent());
        robot.push(KeyCode.ESCAPE);
    }

    @Test
    void theTableAsItStoodBeforeADeleteHasTheDeletedRow(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("26 rows").tryQuery().isPresent());
        robot.doubleClickOn(inNavigator(robot, "products"));
        String kenya = "Kenya Nyeri AA, 250 g";
        waitUntil(() -> robot.lookup(kenya).tryQuery().isPresent());
        robot.clickOn(kenya).push(KeyCode.DELETE);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn(button(robot, "Delete 1 row"));
        waitUntil(() -> robot.lookup(kenya).tryQuery().isEmpty());

        // From the grid itself: its row menu.
        rightClick(robot, robot.lookup("Colombia Huila Finca El Paraíso, 250 g").query());
        robot.clickOn("Time travel: the table as it stood");
        waitUntil(() -> robot.lookup("#timeTravelTable").tryQuery().isPresent() && rows(robot).size() == 25);
        assertTrue(robot.lookup("#timeTravelBanner").queryLabeled().getText().contains("as of"));

        robot.clickOn("#timeTravelPrevious");
        waitUntil(() -> rows(robot).size() == 26);
        assertTrue(rows(robot).stream().anyMatch(r -> kenya.equals(r.get("name"))), "the deleted row is there before its delete");
        assertTrue(robot.lookup("#timeTravelBanner").queryLabeled().getText().contains("read-only"));
    }

    @Test
    void aRowsHistoryOpenedFromTheGridHasTheKeyboard(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("26 rows").tryQuery().isPresent());
        NavigatorTables.doubleClick(robot, "products");
        String kenya = "Kenya Nyeri AA, 250 g";
        waitUntil(() -> robot.lookup(kenya).tryQuery().isPresent());

        rightClick(robot, robot.lookup(kenya).query());
        robot.clickOn("History of this row");
        waitUntil(() -> robot.lookup("#recordTimeline").tryQuery().isPresent());
        waitUntil(() -> !robot.lookup("#recordTimeline").queryListView().getItems().isEmpty());

        // The keyboard moves into the new tab a pulse or two after it shows.
        waitUntil(() -> within(robot.lookup("#recordTimeline").query().getScene().getFocusOwner(), "recordTimeline"));
        Node focused = robot.lookup("#recordTimeline").query().getScene().getFocusOwner();
        assertTrue(within(focused, "recordTimeline"), "the new tab's timeline has the keyboard, not " + focused);

        robot.push(KeyCode.SHORTCUT, KeyCode.W);
        waitUntil(() -> robot.lookup("#gridTable").tryQuery().isPresent());
        // The keyboard moves into the new tab a pulse or two after it shows.
        waitUntil(() -> within(robot.lookup("#gridTable").query().getScene().getFocusOwner(), "gridTable"));
        focused = robot.lookup("#gridTable").query().getScene().getFocusOwner();
        assertTrue(within(focused, "gridTable"), "closing the history gives the keyboard back to the grid, not " + focused);
        rightClick(robot, robot.lookup(kenya).query());
        robot.clickOn("Time travel: the table as it stood");
        waitUntil(() -> robot.lookup("#timeTravelTable").tryQuery().isPresent() && !rows(robot).isEmpty());
        // The keyboard moves into the new tab a pulse or two after it shows.
        waitUntil(() -> within(robot.lookup("#timeTravelTable").query().getScene().getFocusOwner(), "timeTravelTable"));
        focused = robot.lookup("#timeTravelTable").query().getScene().getFocusOwner();
        assertTrue(within(focused, "timeTravelTable"), "the table as it stood has the keyboard, not " + focused);
    }

    private static boolean within(Node node, String id) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (id.equals(n.getId())) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(FxRobot robot) {
        return robot.lookup("#timeTravelTable").queryAs(TableView.class).getItems();
    }
}
