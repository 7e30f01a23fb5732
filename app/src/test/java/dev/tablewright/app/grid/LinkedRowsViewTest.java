package dev.tablewright.app.grid;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.filter.FilterBuilderViewModel;
import dev.tablewright.app.shell.TableDataView;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.core.filter.Filter;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static dev.tablewright.app.grid.RelationsViewTest.cell;
import static dev.tablewright.app.grid.RelationsViewTest.text;
import static dev.tablewright.app.grid.RelationsViewTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A post's tags on screen: the Related menu opens the panel, Link… picks a tag, Unlink removes one, a refusal shows its code. */
@ExtendWith(ApplicationExtension.class)
class LinkedRowsViewTest {
    Stage stage;
    FxTaskExecutor executor;
    LinkedFixtures f;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Group(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> {
            new ArrayList<>(Window.getWindows()).stream().filter(w -> w instanceof PopupWindow).forEach(Window::hide);
            stage.setScene(new Scene(new Group()));
        });
        if (executor != null) {
            executor.close();
        }
        if (f != null) {
            f.db.close();
        }
    }

    void showPosts(FxRobot robot, String dialect) {
        f = LinkedFixtures.on(dialect);
        executor = new FxTaskExecutor();
        RecordingDialogService dialogs = new RecordingDialogService();
        TableDataView.Tables tables = new TableDataView.Tables() {
            @Override
            public GridViewModel grid(String table) {
                return new GridViewModel(f.db, table, executor, dialogs);
            }

            @Override
            public FilterBuilderViewModel filter(String table) {
                return new FilterBuilderViewModel(f.db, "blog", table, executor, dialogs);
            }

            @Override
            public JoinedResultViewModel joined(List<String> queried, Filter filter) {
                return new JoinedResultViewModel(f.db, queried, filter, executor);
            }
        };
        GridViewModel grid = tables.grid("posts");
        TableDataView view = new TableDataView(grid, tables.filter("posts"), new SimpleDoubleProperty(-1), tables);
        robot.interact(() -> {
            Scene scene = new Scene(view.root(), 1280, 800);
            scene.getStylesheets().add(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            stage.setScene(scene);
            // The stage is shared with other test classes: one sized by hand would keep that size.
            stage.sizeToScene();
            grid.open();
        });
    }

    @SuppressWarnings("unchecked")
    static List<String> listed(FxRobot robot) {
        ListView<ParentPickerViewModel.Choice> list = robot.lookup("#linkedList").queryAs(ListView.class);
        return list.getItems().stream().map(ParentPickerViewModel.Choice::label).toList();
    }

    static ListCell<?> listCell(FxRobot robot, String label) {
        return robot.lookup("#linkedList .list-cell").match(n -> n instanceof ListCell<?> c && label.equals(c.getText())).query();
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.app.grid.LinkedFixtures#dialects")
    void aPostsTagsAreLinkedAndUnlinkedInTheirPanel(String dialect, FxRobot robot) throws TimeoutException {
        showPosts(robot, dialect);
        waitFor(() -> "2 rows".equals(text(robot, "#gridRowCount")));
        waitFor(() -> "Hello".equals(cell(robot, "title", 0).getText()));

        robot.clickOn(cell(robot, "title", 0));
        robot.clickOn("#gridRelated");
        waitFor(() -> robot.lookup("Linked tags (3)").tryQuery().isPresent());
        robot.clickOn("Linked tags (3)");
        waitFor(() -> robot.lookup("#linkedList").tryQuery().isPresent() && listed(robot).size() == 3);
        assertEquals(List.of("alpha", "beta", "gamma"), listed(robot));
        waitFor(() -> "post “Hello” · 3 linked".equals(text(robot, "#linkedTitle")));

        robot.clickOn("#linkedAdd");
        waitFor(() -> robot.lookup("#pickerSearch").tryQuery().isPresent());
        robot.clickOn("#pickerSearch").write("delt");
        waitFor(() -> robot.lookup("#pickerList").queryListView().getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        waitFor(() -> listed(robot).size() == 4);
        assertEquals(List.of("alpha", "beta", "delta", "gamma"), listed(robot));
        assertEquals("Linked delta.", text(robot, "#linkedMessage"));
        assertEquals(4, f.linkedToHello());

        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(listCell(robot, "alpha"));
        robot.clickOn("#linkedRemove");
        waitFor(() -> listed(robot).size() == 3);
        assertEquals(List.of("beta", "delta", "gamma"), listed(robot));
        assertEquals("Unlinked alpha.", text(robot, "#linkedMessage"));
        assertEquals(3, f.linkedToHello());
        assertEquals("post “Hello” · 3 linked", text(robot, "#linkedTitle"));

        robot.clickOn("#linkedClose");
        waitFor(() -> robot.lookup("#linkedPanel").tryQuery().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.app.grid.LinkedFixtures#dialects")
    void aTagDeletedWhileThePickerIsOpenIsRefusedWithItsCode(String dialect, FxRobot robot) throws TimeoutException {
        showPosts(robot, dialect);
        waitFor(() -> "2 rows".equals(text(robot, "#gridRowCount")));
        waitFor(() -> "Hello".equals(cell(robot, "title", 0).getText()));
        robot.clickOn(cell(robot, "title", 0));
        robot.clickOn("#gridRelated");
        waitFor(() -> robot.lookup("Linked tags (3)").tryQuery().isPresent());
        robot.clickOn("Linked tags (3)");
        waitFor(() -> robot.lookup("#linkedList").tryQuery().isPresent() && listed(robot).size() == 3);

        robot.clickOn("#linkedAdd");
        waitFor(() -> robot.lookup("#pickerSearch").tryQuery().isPresent());
        robot.clickOn("#pickerSearch").write("epsilon");
        waitFor(() -> robot.lookup("#pickerList").queryListView().getItems().size() == 1);
        f.db.deleteRow("tags", f.tags.get("epsilon"));
        robot.type(KeyCode.ENTER);

        waitFor(() -> text(robot, "#linkedMessage").startsWith("NOT_FOUND: "));
        assertEquals(List.of("alpha", "beta", "gamma"), listed(robot));
        assertEquals(3, f.linkedToHello());
    }
}
