package dev.tablewright.app.grid;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.app.testing.Screenshots;
import dev.tablewright.core.Connector;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.testing.TestDatabases;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.TableCell;

/** The grid on screen: a person opens a table, sorts by a header, and edits a cell by typing. */
@ExtendWith(ApplicationExtension.class)
class GridViewTest {
    private Connector db;
    private FxTaskExecutor executor;
    private GridViewModel viewModel;

    @Start
    void start(Stage stage) {
        db = new Connector();
        db.create(TestDatabases.fresh("sqlite").options());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "string");
        fields.put("age", "integer");
        fields.put("active", "boolean");
        fields.put("born", "date");
        fields.put("profile", "json");
        db.defineTable("people", fields);
        String[] names = {"Mara", "Abel", "Zoe", "Ines", "Carl", "Dana", "Ravi", "Lena"};
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", names[i % names.length] + " " + (i + 1));
            r.put("age", i % 7 == 0 ? null : 20 + i % 50);
            r.put("active", i % 3 != 0);
            r.put("born", "19" + (60 + i % 40) + "-0" + (1 + i % 9) + "-1" + (i % 10) + "T08:30:00Z");
            r.put("profile", Map.of("team", i % 2 == 0 ? "north" : "south", "level", i % 5));
            rows.add(r);
        }
        db.addRows("people", rows);
        executor = new FxTaskExecutor();
        viewModel = new GridViewModel(db, "people", executor, new RecordingDialogService());
        GridView view = new GridView(viewModel);
        Scene scene = new Scene(view.root(), 1100, 520);
        scene.getStylesheets().add(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.setScene(scene);
        stage.show();
        viewModel.open();
    }

    @Stop
    void stop() {
        executor.close();
        db.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<GridRow> table(FxRobot robot) {
        return robot.lookup("#gridTable").queryAs(TableView.class);
    }

    private void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void openingATableShowsItsRowsAndCount(FxRobot robot) throws TimeoutException {
        waitFor(() -> "500 rows".equals(robot.lookup("#gridRowCount").queryLabeled().getText()));

        assertEquals(500, table(robot).getItems().size());
        assertEquals("Mara 1", table(robot).getItems().get(0).value("name"));
    }

    @Test
    void clickingAHeaderSortsByThatColumn(FxRobot robot) throws TimeoutException {
        waitFor(() -> "500 rows".equals(robot.lookup("#gridRowCount").queryLabeled().getText()));

        robot.clickOn("#header-name");
        waitFor(() -> "Abel 10".equals(table(robot).getItems().get(0).value("name")));
        robot.clickOn("#header-name");
        waitFor(() -> "Zoe 99".equals(table(robot).getItems().get(0).value("name")));
    }

    @Test
    void typingInACellSavesTheValue(FxRobot robot) throws TimeoutException {
        waitFor(() -> "500 rows".equals(robot.lookup("#gridRowCount").queryLabeled().getText()));
        Object id = table(robot).getItems().get(1).value("id");
        Object before = table(robot).getItems().get(1).value("name");

        robot.doubleClickOn(robot.lookup(".grid-cell").match(n -> n instanceof TableCell<?, ?> c
                && c.getTableColumn().getId().equals("column-name") && c.getIndex() == 1).<Node>query());
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("Abel Renamed").type(KeyCode.ENTER);
        waitFor(() -> "1 change not saved".equals(robot.lookup("#gridPending").queryLabeled().getText()));
        assertEquals(before, db.findRow("people", ReadOptions.filter(List.of("id", "=", id))).get("name"), "nothing is written before Save");
        robot.clickOn("#gridSave");

        waitFor(() -> "Saved 1 row.".equals(robot.lookup("#gridMessage").queryLabeled().getText()));
        assertEquals("Abel Renamed", db.findRow("people", ReadOptions.filter(List.of("id", "=", id))).get("name"));
        assertEquals("Abel Renamed", table(robot).getItems().get(1).value("name"));
    }

    private void typeInto(FxRobot robot, String column, int index, String text) {
        robot.doubleClickOn(robot.lookup(".grid-cell").match(n -> n instanceof TableCell<?, ?> c
                && c.getTableColumn().getId().equals(column) && c.getIndex() == index).<Node>query());
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text).type(KeyCode.ENTER);
    }

    @Test
    void ctrlZTakesBackTheLastEditAndRevertForgetsTheRest(FxRobot robot) throws TimeoutException {
        waitFor(() -> "500 rows".equals(robot.lookup("#gridRowCount").queryLabeled().getText()));
        Object first = table(robot).getItems().get(1).value("name");
        Object second = table(robot).getItems().get(2).value("name");

        typeInto(robot, "column-name", 1, "One");
        typeInto(robot, "column-name", 2, "Two");
        waitFor(() -> "2 changes not saved".equals(robot.lookup("#gridPending").queryLabeled().getText()));
        assertTrue(robot.lookup(".grid-cell").match(n -> n.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("pending-value")))
                .queryAll().size() >= 2, "the changed cells are marked");

        robot.push(KeyCode.SHORTCUT, KeyCode.Z);
        waitFor(() -> "1 change not saved".equals(robot.lookup("#gridPending").queryLabeled().getText()));
        assertEquals(second, table(robot).getItems().get(2).value("name"));
        assertEquals("One", table(robot).getItems().get(1).value("name"));

        robot.clickOn("#gridRevert");
        waitFor(() -> robot.lookup("#gridPending").queryLabeled().getText().isEmpty());
        assertEquals(first, table(robot).getItems().get(1).value("name"));
        assertEquals(first, db.findRow("people", ReadOptions.filter(List.of("id", "=", table(robot).getItems().get(1).value("id")))).get("name"));
    }

    @Test
    void aRefusedEditShowsTheCodeUnderTheGrid(FxRobot robot) throws TimeoutException, IOException {
        waitFor(() -> "500 rows".equals(robot.lookup("#gridRowCount").queryLabeled().getText()));

        robot.doubleClickOn(robot.lookup(".grid-cell").match(n -> n instanceof TableCell<?, ?> c
                && c.getTableColumn().getId().equals("column-age") && c.getIndex() == 2).<Node>query());
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("forty").type(KeyCode.ENTER);
        waitFor(() -> "1 change not saved".equals(robot.lookup("#gridPending").queryLabeled().getText()));
        robot.push(KeyCode.SHORTCUT, KeyCode.S);

        waitFor(() -> robot.lookup("#gridMessage").queryLabeled().getText().startsWith("INVALID_VALUE: "));
        assertEquals("forty", table(robot).getItems().get(2).value("age"));
        // The row keeps the refusal too: hovering its mark in the left column tells why.
        String refusal = robot.lookup("#gridMessage").queryLabeled().getText();
        TableCell<?, ?> mark = robot.lookup(".status-cell").match(n -> n instanceof TableCell<?, ?> c
                && c.getIndex() == 2).query();
        assertEquals(refusal, mark.getTooltip() == null ? null : mark.getTooltip().getText());
        robot.clickOn("#header-age");
        waitFor(() -> table(robot).getItems().get(0).value("age") == null && table(robot).getItems().get(0).isLoaded());
        robot.clickOn("#header-age");
        waitFor(() -> Long.valueOf(69).equals(table(robot).getItems().get(0).value("age")));
    }

    /** The grid with a refused edit and a sorted column, for docs/screenshots (only when asked). */
    @Test
    @Tag("screenshot")
    void rendersAScreenshot(FxRobot robot) throws Exception {
        Screenshots.assumeRequested();
        aRefusedEditShowsTheCodeUnderTheGrid(robot);
        Screenshots.save(robot.lookup("#gridView").query(), "data-grid");
    }
}
