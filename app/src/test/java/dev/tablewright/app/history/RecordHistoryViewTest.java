package dev.tablewright.app.history;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.grid.GridRow;
import dev.tablewright.app.grid.GridView;
import dev.tablewright.app.grid.GridViewModel;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;
import dev.tablewright.core.testing.TestDatabases;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.tablewright.app.testing.WholeApp.rightClick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import javafx.application.Application;
import javafx.scene.control.Labeled;

/**
 * A person on every dialect: a record changed three times (once by plain SQL from another
 * client), its history opened from the grid, the first and last versions compared, the first
 * restored — and seen in the grid and as a new version.
 */
@ExtendWith(ApplicationExtension.class)
class RecordHistoryViewTest {
    private Stage stage;
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private Connector db;
    private TabPane tabs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        tabs = new TabPane();
        stage.setScene(new Scene(tabs, 1200, 760));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        if (db != null) {
            db.close();
        }
    }

    static Stream<String> dialects() {
        return TestDatabases.dialects().stream();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void nextMoment() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** The grid in one tab; "History of this row" opens the record's history in another, as the shell wires them. */
    private GridViewModel showGrid(FxRobot robot) {
        GridViewModel grid = new GridViewModel(db, "products", tasks, new RecordingDialogService());
        grid.setRowHistory(id -> {
            RecordHistoryViewModel history = new RecordHistoryViewModel(db, "products", id, tasks);
            history.setOnRestored(grid::refresh);
            Tab tab = new Tab("history", new RecordHistoryView(history).root());
            tabs.getTabs().add(tab);
            tabs.getSelectionModel().select(tab);
            history.load();
        });
        robot.interact(() -> {
            tabs.getTabs().add(new Tab("products", new GridView(grid).root()));
            grid.open();
        });
        return grid;
    }

    @SuppressWarnings("unchecked")
    private static ListView<RecordVersion> timeline(FxRobot robot) {
        return robot.lookup("#recordTimeline").queryAs(ListView.class);
    }

    private static Node cellWithText(FxRobot robot, String query, String text) {
        return robot.lookup(query).queryAll().stream()
                .filter(n -> n.lookupAll(".label").stream().anyMatch(l -> l instanceof Label label && label.getText() != null && label.getText().startsWith(text))
                        || n instanceof Labeled labeled && text.equals(labeled.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("nothing shows " + text));
    }

    /** The fields the comparison highlights as changed. */
    private static Set<String> highlighted(FxRobot robot) {
        return robot.lookup("#compareTable .tree-table-row-cell").queryAll().stream()
                .map(n -> (TreeTableRow<?>) n)
                .filter(r -> r.getStyleClass().contains("diff-changed") && r.getItem() instanceof ValueDiff)
                .map(r -> ((ValueDiff) r.getItem()).name())
                .collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, String combo, RecordVersion version) {
        ComboBox<RecordVersion> box = robot.lookup(combo).queryAs(ComboBox.class);
        robot.clickOn(box);
        String text = box.getConverter().toString(version);
        ListCell<?> item = robot.lookup(".combo-box-popup .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> text.equals(c.getText())).findFirst().orElseThrow(() -> new AssertionError("no choice " + text));
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aRecordChangedThreeTimesIsComparedAndRestoredFromItsHistory(String dialect, FxRobot robot) throws TimeoutException {
        db = Connector.connect(ConnectOptions.fromMap(TestDatabases.fresh(dialect).options()));
        db.defineTable("products", fields("name", "string", "price", "number"), Map.of("trackHistory", true));
        Object id = db.addRow("products", fields("name", "Tea", "price", 3)).get("id");
        nextMoment();
        db.patchRow("products", fields("id", id, "name", "Green tea"));
        nextMoment();
        // Another client, by plain SQL: its author is the database's user (none on SQLite).
        db.exec("UPDATE " + db.dialect().quoteIdentifier("products") + " SET " + db.dialect().quoteIdentifier("price") + " = 7 WHERE "
                + db.dialect().quoteIdentifier("id") + " = '" + id + "'");
        nextMoment();
        GridViewModel grid = showGrid(robot);
        waitUntil(() -> robot.lookup("Green tea").tryQuery().isPresent());

        rightClick(robot, robot.lookup("Green tea").query());
        waitUntil(() -> robot.lookup("History of this row").tryQuery().isPresent());
        robot.clickOn("History of this row");
        waitUntil(() -> robot.lookup("#recordTimeline").tryQuery().isPresent() && timeline(robot).getItems().size() == 3);

        List<RecordVersion> newestFirst = timeline(robot).getItems();
        assertEquals(List.of(3, 2, 1), newestFirst.stream().map(RecordVersion::number).toList());
        String user = db.currentUser();
        assertTrue(robot.lookup(".version-when").queryAll().stream().filter(n -> ((Label) n).getText().endsWith(" · " + user)).count() >= 2,
                "the workbench's two changes are by " + user);
        String other = dialect.equals("sqlite") ? "unknown user" : newestFirst.get(0).changedBy();
        assertTrue(!other.isEmpty() && robot.lookup(".version-when").queryAll().stream().anyMatch(n -> ((Label) n).getText().endsWith(" · " + other)),
                "the plain SQL change shows its author: " + other);
        assertEquals("price", robot.from(cellWithText(robot, "#recordTimeline .list-cell", "v3")).lookup(".version-fields").queryLabeled().getText());

        choose(robot, "#compareLeft", newestFirst.get(2));
        choose(robot, "#compareRight", newestFirst.get(0));
        assertEquals(Set.of("name", "price", "updatedAt"), highlighted(robot), "first and last differ in both fields and when they were updated");

        robot.clickOn(cellWithText(robot, "#recordTimeline .list-cell", "v1"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#recordRestore");
        waitUntil(() -> robot.lookup("#restoreFields").tryQuery().isPresent()
                && !robot.lookup("#restoreFields").queryAs(TableView.class).getItems().isEmpty());
        assertTrue(robot.lookup("#restoreFields").queryAs(TableView.class).getItems().size() == 2, "name and price will be written");
        robot.clickOn("#restoreApply");

        waitUntil(() -> robot.lookup("#restoreFields").tryQuery().isEmpty() && timeline(robot).getItems().size() == 4);
        RecordVersion restored = timeline(robot).getItems().get(0);
        assertEquals("update", restored.operation());
        assertEquals(user, restored.changedBy());
        robot.interact(() -> tabs.getSelectionModel().select(0));
        waitUntil(() -> grid.rowsProperty().get().size() == 1 && grid.rowsProperty().get().get(0).isLoaded()
                && "Tea".equals(grid.rowsProperty().get().get(0).value("name")));
        assertTrue(robot.lookup("Tea").tryQuery().isPresent(), "the grid shows the restored name");
        GridRow row = grid.rowsProperty().get().get(0);
        assertEquals(3L, ((Number) row.value("price")).longValue());
    }
}
