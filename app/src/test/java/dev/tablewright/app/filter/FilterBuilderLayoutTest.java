package dev.tablewright.app.filter;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.grid.GridViewModel;
import dev.tablewright.app.shell.TableDataView;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.core.Connector;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What issue 16 found wrong with the builder on screen, checked as a person would see it: the
 * grid stays usable when the builder opens, a field chosen is ready for its operator without
 * Enter, focus stays where the person works, and no button reads "Ap…".
 */
@ExtendWith(ApplicationExtension.class)
class FilterBuilderLayoutTest {
    @TempDir
    Path dataDir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private record Opened(Connector db, FxTaskExecutor tasks, FilterBuilderViewModel viewModel) implements AutoCloseable {
        @Override
        public void close() {
            tasks.close();
            db.close();
        }
    }

    /** The data screen at {@code width x height}, with the builder opened by its toggle, the divider where it opens. */
    private Opened open(FxRobot robot, double width, double height) throws TimeoutException {
        Connector db = FilterFixtures.shop("sqlite");
        FxTaskExecutor tasks = new FxTaskExecutor();
        AtomicReference<FilterBuilderViewModel> vm = new AtomicReference<>();
        robot.interact(() -> {
            RecordingDialogService dialogs = new RecordingDialogService();
            vm.set(new FilterBuilderViewModel(db, "Shop", "products", tasks, dialogs, new SavedFilters(dataDir), new FxDebouncer(Duration.millis(100))));
            GridViewModel grid = new GridViewModel(db, "products", tasks, dialogs);
            stage.setScene(new Scene(new TableDataView(grid, vm.get()).root(), width, height));
            // The stage is shared with other test classes: one sized by hand would keep that size.
            stage.sizeToScene();
            stage.setX(0);
            stage.setY(0);
            stage.show();
            grid.open();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#gridTable").queryTableView().getItems().size() == 8);
        robot.clickOn("#filterToggle");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.get().stateProperty().get() == FilterBuilderViewModel.State.READY);
        WaitForAsyncUtils.waitForFxEvents();
        return new Opened(db, tasks, vm.get());
    }

    @Test
    void theBuilderOpensLeavingTheGridItsRows(FxRobot robot) throws TimeoutException {
        // 1000 x 520: the data tab of a 1000 x 650 window, below its menu, tabs and status bar.
        for (double[] size : List.of(new double[]{1280, 760}, new double[]{1000, 610}, new double[]{1000, 520})) {
            try (Opened opened = open(robot, size[0], size[1])) {
                TableView<?> grid = robot.lookup("#gridTable").queryTableView();
                double rows = (grid.getHeight() - 40) / grid.getFixedCellSize();
                assertTrue(rows >= TableDataView.GRID_ROWS_KEPT, "the grid shows " + rows + " rows at " + size[0] + "x" + size[1]);
                Node sql = robot.lookup("#filterSql").query();
                assertTrue(sql.getLayoutBounds().getHeight() >= 30, "the SQL preview is visible without dragging: " + sql.getLayoutBounds());
                assertTrue(robot.lookup("#filterJson").query().getLayoutBounds().getHeight() >= 40);
                Node builderPart = robot.lookup("#dataSplit").queryAs(SplitPane.class).getItems().get(0);
                Bounds shown = builderPart.localToScene(builderPart.getLayoutBounds());
                for (String id : List.of("#applyFilter", "#clearFilter", "#addCondition-root")) {
                    Node button = robot.lookup(id).query();
                    Bounds at = button.localToScene(button.getLayoutBounds());
                    assertTrue(at.getMinY() >= shown.getMinY() && at.getMaxY() <= shown.getMaxY() + 1,
                            id + " is in sight without scrolling at " + size[0] + "x" + size[1] + ": " + at + " in " + shown);
                }
            }
        }
    }

    @Test
    void aWindowMadeSmallerWithTheBuilderOpenLeavesTheGridItsRowsAndGrowingBackRestoresTheDivider(FxRobot robot) throws TimeoutException {
        try (Opened opened = open(robot, 1280, 760)) {
            double share = robot.lookup("#dataSplit").queryAs(SplitPane.class).getDividerPositions()[0];

            resize(robot, 1000, 610);
            TableView<?> grid = robot.lookup("#gridTable").queryTableView();
            double rows = (grid.getHeight() - 40) / grid.getFixedCellSize();
            assertTrue(rows >= TableDataView.GRID_ROWS_KEPT, "the grid shows " + rows + " rows after the window shrank");

            resize(robot, 1280, 760);
            assertEquals(share, robot.lookup("#dataSplit").queryAs(SplitPane.class).getDividerPositions()[0], 0.01,
                    "the builder gets its size back as the window grows");

            SplitPane split = robot.lookup("#dataSplit").queryAs(SplitPane.class);
            robot.drag(robot.lookup(".split-pane-divider").match(n -> n.getParent() == split).<Node>query()).dropBy(0, -60);
            WaitForAsyncUtils.waitForFxEvents();
            double dragged = robot.lookup("#dataSplit").queryAs(SplitPane.class).getDividerPositions()[0];
            assertTrue(dragged < share - 0.05, "dragged up: " + dragged);
            robot.clickOn("#filterToggle");
            robot.clickOn("#filterToggle");
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(dragged, robot.lookup("#dataSplit").queryAs(SplitPane.class).getDividerPositions()[0], 0.01,
                    "the builder opens again where the person left the divider");
        }
    }

    private void resize(FxRobot robot, double width, double height) throws TimeoutException {
        robot.interact(() -> {
            stage.setWidth(width + stage.getWidth() - stage.getScene().getWidth());
            stage.setHeight(height + stage.getHeight() - stage.getScene().getHeight());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Math.abs(stage.getScene().getHeight() - height) < 2);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aFieldTypedIsReadyForItsOperatorWithoutEnterAndFocusStaysInTheRow(FxRobot robot) throws TimeoutException {
        try (Opened opened = open(robot, 1280, 760)) {
            robot.clickOn("#addCondition-root");
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.lookup("#field-0").query().isFocused() || robot.lookup("#field-0 .text-field").query().isFocused(),
                    "a new condition's field box has the focus");

            robot.write("price");
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(robot.lookup("#op-0").query().isDisabled(), "the operator box is ready once a known field is typed");
            assertEquals("price", ((ConditionNodeViewModel) opened.viewModel().root().children().get(0)).fieldProperty().get());
            assertTrue(inBuilder(robot.targetWindow().getScene().getFocusOwner()), "focus stays in the builder while typing");

            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.lookup("#op-0").query().isFocused(), "Enter moves on to the operator, not out of the builder");

            robot.clickOn("#op-0").clickOn(">");
            robot.clickOn("#value-0").push(KeyCode.CONTROL, KeyCode.A).write("20");
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.lookup("#value-0").query().isFocused(), "typing a value keeps its box (nothing is rebuilt)");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "5 matching rows".equals(robot.lookup("#matchingRows").queryAs(Labeled.class).getText()));
        }
    }

    @Test
    void choosingAFieldFromTheListTakesItAndMovesToTheOperator(FxRobot robot) throws TimeoutException {
        try (Opened opened = open(robot, 1280, 760)) {
            robot.clickOn("#addCondition-root");
            ComboBox<?> field = robot.lookup("#field-0").queryAs(ComboBox.class);
            robot.interact(field::show);
            robot.clickOn((Node) robot.lookup(".list-cell").match(LabeledMatchers.hasText("stock")).query());
            WaitForAsyncUtils.waitForFxEvents();

            assertFalse(robot.lookup("#op-0").query().isDisabled());
            assertTrue(robot.lookup("#op-0").query().isFocused(), "focus moves to the operator, never to another pane");
        }
    }

    @Test
    void acceptingAJoinKeepsTheFocusInTheBuilder(FxRobot robot) throws TimeoutException {
        try (Opened opened = open(robot, 1280, 760)) {
            robot.interact(() -> opened.viewModel().addTable("categories"));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#acceptJoin-0").tryQuery().isPresent());

            robot.clickOn("#acceptJoin-0");
            WaitForAsyncUtils.waitForFxEvents();

            assertTrue(robot.lookup("#joinProposals").queryAs(Parent.class).getChildrenUnmodifiable().isEmpty());
            assertTrue(robot.lookup("#field-0").query().isFocused() || robot.lookup("#field-0 .text-field").query().isFocused(),
                    "the join's condition has the focus, not another pane: " + robot.targetWindow().getScene().getFocusOwner());
            assertEquals(List.of(List.of("products.categoryId", "=", "categories.id")), opened.viewModel().filter().toArray());
            assertEquals(ValueEditor.COLUMN, ((ConditionNodeViewModel) opened.viewModel().root().children().get(0)).editorProperty().get());
        }
    }

    @Test
    void noActionButtonIsCutAtAnyWidth(FxRobot robot) throws TimeoutException {
        for (double width : List.of(1280.0, 1000.0, 760.0)) {
            try (Opened opened = open(robot, width, 700)) {
                for (String id : List.of("#applyFilter", "#clearFilter", "#saveFilter", "#loadSaved", "#importFilter", "#exportFilter",
                        "#addCondition-root", "#addGroup-root")) {
                    Labeled button = robot.lookup(id).queryAs(Labeled.class);
                    if (button.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
                        assertNotNull(button.getTooltip(), id + " shows its icon with a tooltip at " + width);
                    } else {
                        Text shown = (Text) button.lookup(".text");
                        assertEquals(button.getText(), shown.getText(), id + " keeps its label at " + width);
                    }
                }
                if (width >= 1280) {
                    assertEquals(ContentDisplay.LEFT, robot.lookup("#applyFilter").queryAs(Labeled.class).getContentDisplay(),
                            "at 1280 px the buttons keep their labels");
                }
            }
        }
    }

    private boolean inBuilder(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if ("filterBuilder".equals(n.getId())) {
                return true;
            }
        }
        return false;
    }
}
