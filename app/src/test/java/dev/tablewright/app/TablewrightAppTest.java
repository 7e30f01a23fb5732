package dev.tablewright.app;

import dev.tablewright.app.testing.NavigatorTables;
import dev.tablewright.app.testing.WholeApp;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
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
import dev.tablewright.app.history.AuditEntry;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;
import dev.tablewright.core.query.ReadOptions;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;

/** The real app, started headless on a sample database in a temporary data directory. */
@ExtendWith(ApplicationExtension.class)
class TablewrightAppTest {
    /** Each test starts as a first launch: its own sample database and no remembered settings. */
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
    void theWindowIsTitledTablewright() {
        assertEquals("Tablewright", stage.getTitle());
        assertTrue(stage.isShowing());
    }

    @Test
    void theNavigatorListsTheSampleTablesWithTheirRowCounts(FxRobot robot) throws TimeoutException {
        TreeView<?> navigator = robot.lookup("#navigator").queryAs(TreeView.class);
        List<String> expected = List.of("Sample (SQLite)", "categories", "customers", "orders", "products", "40 rows");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> expected.stream().allMatch(text -> robot.lookup(text).tryQuery().isPresent()));

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

    @Test
    void theHistoryOfATrackedTableOpensWithItsShortcut(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("26 rows").tryQuery().isPresent());

        NavigatorTables.click(robot, "products");
        robot.push(KeyCode.SHORTCUT, KeyCode.H);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#historyEntries").tryQuery().isPresent()
                        && !robot.lookup("#historyEntries").queryTableView().getItems().isEmpty());

        TableView<?> entries = robot.lookup("#historyEntries").queryTableView();
        // 26 rows created, then two updates: the newest (the Ethiopian coffee's price) is listed first.
        assertEquals(28, entries.getItems().size());
        AuditEntry newest = (AuditEntry) entries.getItems().get(0);
        assertEquals("UPDATE", newest.action());
        assertEquals("price, updatedAt", newest.summary());
        verifyThat("#historyStatus", hasText("28 changes"));
    }

    @Test
    void theSqlConsoleRunsAQueryOnTheSampleAndShowsItsRows(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("40 rows").tryQuery().isPresent());

        robot.push(KeyCode.SHORTCUT, KeyCode.CLOSE_BRACKET);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sqlEditor").tryQuery().isPresent());
        // The editor has the keyboard as soon as the console opens: no click needed.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sqlEditor").query().isFocused());
        robot.write("SELECT name FROM categories ORDER BY name");
        robot.push(KeyCode.SHORTCUT, KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#resultGrid").tryQuery().isPresent());

        TableView<?> grid = robot.lookup("#resultGrid").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> grid.getItems().size() == 6);
        assertEquals(6, grid.getItems().size(), "the sample has six categories");
    }

    @Test
    void designingATableShowsItsFieldsAndTheStatementsApplyWouldRun(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("26 rows").tryQuery().isPresent());

        NavigatorTables.click(robot, "products");
        robot.push(KeyCode.SHORTCUT, KeyCode.D);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#fields").tryQuery().isPresent()
                && !robot.lookup("#fields").queryTableView().getItems().isEmpty());

        assertEquals("products", robot.lookup("#tableName").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#trackHistory").queryAs(CheckBox.class).isSelected(),
                "the sample's products keep a history");
        assertTrue(robot.lookup("#fields").queryTableView().getItems().size() >= 7, "sku, name, … and the automatic fields");
    }

    @Test
    void aNewTableCreatedInTheDesignerAppearsInTheNavigator(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("26 rows").tryQuery().isPresent());

        robot.push(KeyCode.SHORTCUT, KeyCode.T);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#tableName").tryQuery().isPresent());
        robot.clickOn("#tableName").write("suppliers");
        robot.clickOn("#addField");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#apply").queryButton().isDisabled());
        robot.clickOn("#apply");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("suppliers").tryQuery().isPresent()
                && robot.lookup("0 rows").tryQuery().isPresent());
        TreeView<?> navigator = robot.lookup("#navigator").queryAs(TreeView.class);
        assertEquals(5, navigator.getRoot().getChildren().get(0).getChildren().size());
    }

    @Test
    void f2RenamesTheSelectedTableAndTheNavigatorShowsItsNewName(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("40 rows").tryQuery().isPresent());

        NavigatorTables.click(robot, "customers");
        robot.push(KeyCode.F2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#askTextField").tryQuery().isPresent());
        robot.clickOn("#askTextField").push(KeyCode.SHORTCUT, KeyCode.A).write("clients");
        robot.push(KeyCode.ENTER);

        WholeApp.waitUntil(() -> robot.lookup("clients").tryQuery().isPresent()
                && robot.lookup("customers").tryQuery().isEmpty() && robot.lookup("40 rows").tryQuery().isPresent());
        TreeView<?> navigator = robot.lookup("#navigator").queryAs(TreeView.class);
        List<String> names = navigator.getRoot().getChildren().get(0).getChildren().stream().map(item -> item.getValue().toString()).toList();
        assertEquals(4, names.size(), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.contains("clients")), names.toString());
        assertTrue(navigator.getSelectionModel().getSelectedItem().getValue().toString().contains("clients"), "the renamed table stays selected");
    }

    @Test
    void aTableOpensInTheGridAndAFilterFromTheBuilderNarrowsItsRows(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("26 rows").tryQuery().isPresent());

        NavigatorTables.doubleClick(robot, "products");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#gridRowCount").tryQuery().isPresent()
                && "26 rows".equals(robot.lookup("#gridRowCount").queryLabeled().getText()));

        robot.clickOn("#filterToggle");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#filterJson").tryQuery().isPresent());
        robot.clickOn("#filterJson").push(KeyCode.SHORTCUT, KeyCode.A)
                .write("[[\"categoryName\", \"=\", \"Coffee Beans\"], \"and\", [\"stock\", \">\", 0]]");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#applyFilter").query().isDisabled());
        robot.clickOn("#applyFilter");

        long expected;
        try (Connector shop = Connector.connect(
                ConnectOptions.sqlite(dataDir.resolve("sample.db").toString()))) {
            expected = shop.countRows("products", ReadOptions.filter(
                    List.of(List.of("categoryName", "=", "Coffee Beans"), "and", List.of("stock", ">", 0))));
        }
        assertTrue(expected > 0 && expected < 26, "the filter narrows the sample: " + expected);
        String rows = expected + " rows";
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rows.equals(robot.lookup("#gridRowCount").queryLabeled().getText()));
        TableView<?> grid = robot.lookup("#gridTable").queryTableView();
        assertEquals(expected, grid.getItems().size());
    }

    @Test
    void filterFromTheTableMenuShowsTheBuilderAboveTheTablesGridInItsOneDataTab(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("26 rows").tryQuery().isPresent());

        NavigatorTables.click(robot, "products");
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.O);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#gridRowCount").tryQuery().isPresent()
                && "26 rows".equals(robot.lookup("#gridRowCount").queryLabeled().getText()));
        assertTrue(robot.lookup("#filterJson").tryQuery().isEmpty(), "opening the data alone leaves the builder closed");

        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.F);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#filterJson").tryQuery().isPresent()
                && robot.lookup("#matchingRows").tryQuery().isPresent()
                && "26 matching rows".equals(robot.lookup("#matchingRows").queryLabeled().getText()));

        TabPane workspace = robot.lookup("#workspace").queryAs(TabPane.class);
        assertEquals(1, workspace.getTabs().stream().filter(tab -> "dataTab".equals(tab.getId())).count(), "the table's data tab is reused");
        assertEquals("dataTab", workspace.getSelectionModel().getSelectedItem().getId());
        assertTrue(robot.lookup("#filterToggle").queryAs(ToggleButton.class).isSelected());
        assertEquals(26, robot.lookup("#gridTable").queryTableView().getItems().size(), "the grid stays below the builder");
    }
}
