package dev.tablewright.app;

import dev.tablewright.app.testing.WholeApp;
import dev.tablewright.app.testing.NavigatorTables;
import dev.tablewright.app.navigator.NavigatorTable;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
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
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.tablewright.app.testing.WholeApp.waitUntil;

/** Every open view follows a change made on another screen of the window: designer, rename, grid edits. */
@ExtendWith(ApplicationExtension.class)
class FollowingChangesTest {
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

    private static void openGrid(FxRobot robot, String table, String rows) throws TimeoutException {
        NavigatorTables.doubleClick(robot, table);
        waitUntil(() -> robot.lookup("#gridRowCount").tryQuery().isPresent()
                && rows.equals(robot.lookup("#gridRowCount").queryLabeled().getText()));
    }

    private static List<String> tabTitles(FxRobot robot) {
        return robot.lookup("#workspace").queryAs(TabPane.class).getTabs().stream().map(Tab::getText).toList();
    }

    @Test
    void aFieldAddedInTheDesignerAppearsInTheTablesOpenGrid(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("40 rows").tryQuery().isPresent());
        openGrid(robot, "categories", "6 rows");
        assertTrue(robot.lookup("#header-field1").tryQuery().isEmpty());

        robot.push(KeyCode.SHORTCUT, KeyCode.D);
        waitUntil(() -> robot.lookup("#fields").tryQuery().isPresent() && !robot.lookup("#fields").queryTableView().getItems().isEmpty());
        robot.clickOn("#addField");
        waitUntil(() -> !robot.lookup("#apply").queryButton().isDisabled());
        robot.clickOn("#apply");
        // The designer says what it changed in a dialog; OK closes it.
        waitUntil(() -> robot.lookup("The table was changed").tryQuery().isPresent());
        robot.clickOn("OK");
        robot.clickOn(robot.lookup(".tab-label").match(n -> "categories".equals(((Label) n).getText())).<Node>query());

        waitUntil(() -> robot.lookup("#header-field1").tryQuery().isPresent());
        assertEquals("6 rows", robot.lookup("#gridRowCount").queryLabeled().getText());
    }

    @Test
    void aRenamedTablesOpenTabFollowsItToItsNewName(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("40 rows").tryQuery().isPresent());
        openGrid(robot, "customers", "20 rows");

        NavigatorTables.click(robot, "customers");
        robot.push(KeyCode.F2);
        waitUntil(() -> robot.lookup("#askTextField").tryQuery().isPresent());
        robot.clickOn("#askTextField").push(KeyCode.SHORTCUT, KeyCode.A).write("clients");
        robot.push(KeyCode.ENTER);

        waitUntil(() -> tabTitles(robot).contains("clients"));
        assertTrue(!tabTitles(robot).contains("customers"), tabTitles(robot).toString());
        waitUntil(() -> "20 rows".equals(robot.lookup("#gridRowCount").queryLabeled().getText()));
    }

    @Test
    void aRowAddedInTheGridCountsInTheNavigator(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("40 rows").tryQuery().isPresent() && robot.lookup("6 rows").tryQuery().isPresent());
        openGrid(robot, "categories", "6 rows");

        robot.clickOn("#gridAdd");
        robot.doubleClickOn(robot.lookup(".grid-cell").match(n -> n instanceof TableCell<?, ?> c
                && "column-name".equals(c.getTableColumn().getId()) && c.getIndex() == 0).<Node>query());
        robot.write("Syrups").type(KeyCode.ENTER);
        robot.clickOn("#gridSave");

        waitUntil(() -> "7 rows".equals(robot.lookup("#gridRowCount").queryLabeled().getText()));
        TreeView<?> navigator = robot.lookup("#navigator").queryAs(TreeView.class);
        waitUntil(() -> navigator.getRoot().getChildren().get(0).getChildren().stream()
                .anyMatch(item -> item.getValue().toString().contains(new NavigatorTable("categories", 7, false).toString())));
        waitUntil(() -> robot.from(navigator).lookup("7 rows").tryQuery().isPresent());
    }

    @Test
    void closingAGridTabWithChangesNotSavedAsksFirst(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("40 rows").tryQuery().isPresent());
        openGrid(robot, "categories", "6 rows");
        robot.doubleClickOn(robot.lookup(".grid-cell").match(n -> n instanceof TableCell<?, ?> c
                && "column-name".equals(c.getTableColumn().getId()) && c.getIndex() == 0).<Node>query());
        robot.push(KeyCode.SHORTCUT, KeyCode.A).write("Renamed").type(KeyCode.ENTER);
        waitUntil(() -> "1 change not saved".equals(robot.lookup("#gridPending").queryLabeled().getText()));

        robot.push(KeyCode.SHORTCUT, KeyCode.W);
        waitUntil(() -> robot.lookup("1 change is not saved").tryQuery().isPresent());
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tabTitles(robot).contains("categories"), "Cancel keeps the tab and its change");

        robot.push(KeyCode.SHORTCUT, KeyCode.W);
        waitUntil(() -> robot.lookup("Close and forget").tryQuery().isPresent());
        robot.clickOn("Close and forget");
        waitUntil(() -> !tabTitles(robot).contains("categories"));
    }

    @Test
    void quittingOrClosingTheWindowWithChangesNotSavedAsksFirst(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("40 rows").tryQuery().isPresent());
        openGrid(robot, "categories", "6 rows");
        robot.doubleClickOn(robot.lookup(".grid-cell").match(n -> n instanceof TableCell<?, ?> c
                && "column-name".equals(c.getTableColumn().getId()) && c.getIndex() == 0).<Node>query());
        robot.push(KeyCode.SHORTCUT, KeyCode.A).write("Renamed").type(KeyCode.ENTER);
        waitUntil(() -> "1 change not saved".equals(robot.lookup("#gridPending").queryLabeled().getText()));
        openGrid(robot, "orders", "40 rows");

        robot.push(KeyCode.SHORTCUT, KeyCode.Q);
        waitUntil(() -> robot.lookup("1 change is not saved").tryQuery().isPresent());
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("categories", robot.lookup("#workspace").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getText(),
                "the tab with the change is brought forward");
        assertTrue(robot.lookup("1 change not saved").tryQuery().isPresent(), "Cancel keeps the change");

        Stage window = (Stage) robot.lookup("#workspace").query().getScene().getWindow();
        Platform.runLater(() -> window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil(() -> robot.lookup("1 change is not saved").tryQuery().isPresent());
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.isShowing(), "Cancel keeps the window open");
        assertTrue(tabTitles(robot).contains("categories"));
    }

    @Test
    void renamingATableKeepsItsGridsChangesNotSavedAndNewRows(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("40 rows").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        openGrid(robot, "categories", "6 rows");
        robot.doubleClickOn(nameCell(robot, 0));
        robot.push(KeyCode.SHORTCUT, KeyCode.A).write("Beans").type(KeyCode.ENTER);
        waitUntil(() -> "1 change not saved".equals(robot.lookup("#gridPending").queryLabeled().getText()));
        robot.clickOn("#gridAdd");
        // The new row on top first, or the double-click lands on the edited row now second.
        waitUntil(() -> robot.lookup("#gridTable").queryTableView().getItems().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn(nameCell(robot, 0));
        robot.write("Syrups").type(KeyCode.ENTER);

        NavigatorTables.click(robot, "categories");
        robot.push(KeyCode.F2);
        waitUntil(() -> robot.lookup("#askTextField").tryQuery().isPresent());
        robot.clickOn("#askTextField").push(KeyCode.SHORTCUT, KeyCode.A).write("kinds");
        robot.push(KeyCode.ENTER);

        waitUntil(() -> tabTitles(robot).contains("kinds") && robot.lookup("#gridRowCount").tryQuery().isPresent()
                && "6 rows".equals(robot.lookup("#gridRowCount").queryLabeled().getText()));
        // The new row is there at once; the edit not saved returns on its row once the page is read under the new name.
        waitUntil(() -> robot.lookup(".grid-cell").match(n -> n instanceof TableCell<?, ?> c && "Syrups".equals(c.getText())).tryQuery().isPresent()
                && robot.lookup(".grid-cell").match(n -> n instanceof TableCell<?, ?> c && "Beans".equals(c.getText())).tryQuery().isPresent());
        assertEquals("1 change not saved", robot.lookup("#gridPending").queryLabeled().getText());

        robot.clickOn("#gridSave");
        waitUntil(() -> "7 rows".equals(robot.lookup("#gridRowCount").queryLabeled().getText()));
        waitUntil(() -> "".equals(robot.lookup("#gridPending").queryLabeled().getText()));
        assertTrue(robot.lookup(".grid-cell").match(n -> n instanceof TableCell<?, ?> c && "Beans".equals(c.getText())).tryQuery().isPresent(),
                "the edit is written under the new name");
    }

    private static Node nameCell(FxRobot robot, int row) {
        return robot.lookup(".grid-cell").match(n -> n instanceof TableCell<?, ?> c
                && "column-name".equals(c.getTableColumn().getId()) && c.getIndex() == row).query();
    }
}
