package dev.tablewright.app.filter;

import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.grid.GridRow;
import dev.tablewright.app.grid.GridViewModel;
import dev.tablewright.app.shell.TableDataView;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.testing.TestDatabases;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import dev.tablewright.app.testing.Screenshots;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builder on screen: a person builds a nested filter by clicking, on each dialect, and applies it to the grid below. */
@ExtendWith(ApplicationExtension.class)
class FilterBuilderViewTest {
    @TempDir
    Path dataDir;

    private Stage stage;
    private final DialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static List<Object> l(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    private record Opened(Connector db, FxTaskExecutor tasks, FilterBuilderViewModel viewModel) implements AutoCloseable {
        @Override
        public void close() {
            tasks.close();
            db.close();
        }
    }

    private Opened show(FxRobot robot, String dialect) throws TimeoutException {
        Connector db = FilterFixtures.shop(dialect);
        FxTaskExecutor tasks = new FxTaskExecutor();
        AtomicReference<FilterBuilderViewModel> vm = new AtomicReference<>();
        robot.interact(() -> {
            vm.set(new FilterBuilderViewModel(db, "Shop", "products", tasks, dialogs, new SavedFilters(dataDir), new FxDebouncer(Duration.millis(150))));
            stage.setScene(new Scene(new FilterBuilderView(vm.get()).root(), 1360, 640));
            stage.show();
            vm.get().load();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.get().stateProperty().get() == FilterBuilderViewModel.State.READY);
        WaitForAsyncUtils.waitForFxEvents();
        return new Opened(db, tasks, vm.get());
    }

    /**
     * The table's data screen as the app composes it ({@link TableDataView}): the grid, and the
     * builder docked above it once the person clicks Filter.
     */
    private Opened showOverTheGrid(FxRobot robot, String dialect) throws TimeoutException {
        Connector db = FilterFixtures.shop(dialect);
        FxTaskExecutor tasks = new FxTaskExecutor();
        AtomicReference<FilterBuilderViewModel> vm = new AtomicReference<>();
        robot.interact(() -> {
            vm.set(new FilterBuilderViewModel(db, "Shop", "products", tasks, dialogs, new SavedFilters(dataDir), new FxDebouncer(Duration.millis(150))));
            GridViewModel grid = new GridViewModel(db, "products", tasks, dialogs);
            // Taller than the builder alone, and kept inside the headless screen (1280 x 800).
            stage.setScene(new Scene(new TableDataView(grid, vm.get()).root(), 1280, 780));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            grid.open();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> gridIds(robot).size() == 8);
        robot.clickOn("#filterToggle");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.get().stateProperty().get() == FilterBuilderViewModel.State.READY);
        // The person drags the divider down to give the builder room for a nested filter.
        robot.interact(() -> robot.lookup("#dataSplit").queryAs(SplitPane.class).setDividerPositions(0.7));
        WaitForAsyncUtils.waitForFxEvents();
        return new Opened(db, tasks, vm.get());
    }

    /** The ids of the rows the grid shows; empty while a page is still loading. */
    private static Set<String> gridIds(FxRobot robot) {
        TableView<?> table = robot.lookup("#gridTable").queryTableView();
        Set<String> ids = new HashSet<>();
        for (Object item : table.getItems()) {
            GridRow row = (GridRow) item;
            if (!row.isLoaded()) {
                return Set.of();
            }
            ids.add(String.valueOf(row.value("id")));
        }
        return ids;
    }

    private static Set<String> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> String.valueOf(r.get("id"))).collect(Collectors.toSet());
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query).push(KeyCode.CONTROL, KeyCode.A).write(text);
    }

    private static void chooseField(FxRobot robot, String query, String field) {
        robot.clickOn(query).write(field).type(KeyCode.ENTER);
    }

    @Test
    void aNestedFilterBuiltByClickingShowsInTheGridExactlyTheRowsTheCoreReturnsForIt(FxRobot robot) throws TimeoutException {
        for (String dialect : TestDatabases.dialects()) {
            try (Opened opened = showOverTheGrid(robot, dialect)) {
                Set<String> everyRow = ids(opened.db().getTableData("products"));
                assertEquals(everyRow, gridIds(robot), dialect);

                robot.clickOn("#addCondition-root");
                chooseField(robot, "#field-0", "active");
                robot.clickOn("#addGroup-root");
                robot.clickOn("#or-1");
                robot.clickOn("#addCondition-1");
                chooseField(robot, "#field-1_0", "name");
                robot.clickOn("#op-1_0").clickOn("starts with");
                robot.clickOn("#value-1_0").write("h");
                robot.clickOn("#addCondition-1");
                chooseField(robot, "#field-1_1", "price");
                robot.clickOn("#op-1_1").clickOn("between");
                replaceText(robot, "#low-1_1", "10");
                replaceText(robot, "#high-1_1", "25");
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "3 matching rows".equals(robot.lookup("#matchingRows").queryAs(Labeled.class).getText()));

                robot.clickOn("#applyFilter");
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "3 rows".equals(robot.lookup("#gridRowCount").queryAs(Labeled.class).getText())
                        && gridIds(robot).size() == 3);

                List<Object> expected = l(l("active", "=", true), "and", l(l("name", "startswith", "h"), "or", l("price", "between", l(10L, 25L))));
                Filter applied = opened.viewModel().appliedFilterProperty().get();
                assertEquals(expected, applied.toArray(), dialect);
                List<Map<String, Object>> coreRows = opened.db().getTableData("products", ReadOptions.filter(applied));
                assertEquals(List.of("Hammer", "Lamp", "Rake"), FilterFixtures.names(coreRows, "name"), dialect);
                assertEquals(ids(coreRows), gridIds(robot), dialect);
                assertEquals(coreRows.size() + " rows", robot.lookup("#gridRowCount").queryAs(Labeled.class).getText(), dialect);
                assertTrue(robot.lookup("#appliedFilter").queryAs(Labeled.class).getText().contains("\"startswith\""), dialect);
                assertTrue(robot.lookup("#filterJson").queryAs(TextArea.class).getText().contains("\"startswith\""));

                robot.clickOn("#clearFilter");
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "8 rows".equals(robot.lookup("#gridRowCount").queryAs(Labeled.class).getText())
                        && gridIds(robot).size() == 8);
                assertEquals(null, opened.viewModel().appliedFilterProperty().get());
                assertEquals(everyRow, gridIds(robot), dialect);
                assertEquals("All rows", robot.lookup("#appliedFilter").queryAs(Labeled.class).getText(), dialect);
            }
        }
    }

    @Test
    void pastingAnInvalidArrayMarksItAndAValidOneRebuildsTheTree(FxRobot robot) throws TimeoutException {
        try (Opened opened = show(robot, "sqlite")) {
            robot.clickOn("#filterJson").push(KeyCode.CONTROL, KeyCode.A).write("[[\"stock\", \"~\", 1]]");
            WaitForAsyncUtils.waitForFxEvents();
            String error = robot.lookup("#jsonError").queryAs(Labeled.class).getText();
            assertTrue(error.contains("filter[0][1]") && error.contains("line 1, column 12"), error);
            assertTrue(robot.lookup("#applyFilter").query().isDisabled());

            robot.clickOn("#filterJson").push(KeyCode.CONTROL, KeyCode.A).write("[[\"stock\", \">\", 5], \"or\", [\"name\", \"=\", \"Saw\"]]");
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("", robot.lookup("#jsonError").queryAs(Labeled.class).getText());
            assertTrue(robot.lookup("#condition-1").tryQuery().isPresent(), "the tree shows the pasted conditions");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "4 matching rows".equals(robot.lookup("#matchingRows").queryAs(Labeled.class).getText()));
        }
    }

    /** Renders the screenshot of the README when scripts/screenshots.sh asks for it. */
    @Test
    @Tag("screenshot")
    void screenshotOfANestedFilter(FxRobot robot) throws Exception {
        Screenshots.assumeRequested();
        try (Opened opened = show(robot, "sqlite")) {
            robot.interact(() -> opened.viewModel().setFilter(Filter.parse(l(l("active", "=", true), "and",
                    l(l("name", "startswith", "h"), "or", l("price", "between", l(10, 25)), "and", l("specs.color", "=", "red")), "and",
                    l("stock", "notin", l(0, 20))))));
            robot.interact(() -> opened.viewModel().sqlDialectProperty().set("postgres"));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#matchingRows").queryAs(Labeled.class).getText().endsWith("rows"));
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.save(stage.getScene().getRoot(), "filter-builder");
        }
    }
}
