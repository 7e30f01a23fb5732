package dev.tablewright.app.filter;

import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.testing.TestDatabases;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builder on screen: a person builds a nested filter by clicking, on each dialect, and applies it. */
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

    private static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query).push(KeyCode.CONTROL, KeyCode.A).write(text);
    }

    private static void chooseField(FxRobot robot, String query, String field) {
        robot.clickOn(query).write(field).type(KeyCode.ENTER);
    }

    @Test
    void aNestedFilterBuiltByClickingShowsTheRowsTheCoreReturnsForIt(FxRobot robot) throws TimeoutException {
        for (String dialect : TestDatabases.dialects()) {
            try (Opened opened = show(robot, dialect)) {
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
                WaitForAsyncUtils.waitForFxEvents();

                List<Object> expected = l(l("active", "=", true), "and", l(l("name", "startswith", "h"), "or", l("price", "between", l(10L, 25L))));
                List<Object> applied = opened.viewModel().appliedFilterProperty().get();
                assertEquals(expected, applied, dialect);
                assertEquals(List.of("Hammer", "Lamp", "Rake"),
                        FilterFixtures.names(opened.db().getTableData("products", ReadOptions.filter(applied)), "name"), dialect);
                assertEquals(FilterFixtures.names(opened.db().getTableData("products", ReadOptions.filter(expected)), "name"),
                        FilterFixtures.names(opened.db().getTableData("products", ReadOptions.filter(applied)), "name"));
                assertTrue(robot.lookup("#filterJson").queryAs(TextArea.class).getText().contains("\"startswith\""));

                robot.clickOn("#clearFilter");
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "8 matching rows".equals(robot.lookup("#matchingRows").queryAs(Labeled.class).getText()));
                assertEquals(null, opened.viewModel().appliedFilterProperty().get());
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
            robot.interact(() -> opened.viewModel().setFilter(l(l("active", "=", true), "and",
                    l(l("name", "startswith", "h"), "or", l("price", "between", l(10, 25)), "and", l("specs.color", "=", "red")), "and",
                    l("stock", "notin", l(0, 20)))));
            robot.interact(() -> opened.viewModel().sqlDialectProperty().set("postgres"));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#matchingRows").queryAs(Labeled.class).getText().endsWith("rows"));
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.save(stage.getScene().getRoot(), "filter-builder");
        }
    }
}
