package dev.tablewright.app.grid;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.testing.TestDatabases;
import javafx.geometry.Bounds;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grid's toolbar keeps every button on screen: with their labels as wide as a data tab is at
 * 1280×800, with icons and tooltips where it is narrower (1000×650), never in a "»" menu.
 */
@ExtendWith(ApplicationExtension.class)
class GridToolbarTest {
    /** The width of a data tab's grid in a 1280×800 window, and in a 1000×650 one (the navigator takes 280). */
    private static final double WIDE = 995;
    private static final double NARROW = 715;

    private Connector db;
    private FxTaskExecutor executor;
    private Stage stage;

    /**
     * A stage of its own: resized here, the shared primary stage would keep that size for the
     * test classes after this one (a stage sized by hand ignores the size of a new scene).
     */
    @Start
    void start(Stage primary) {
        this.stage = new Stage();
        db = new Connector();
        db.create(TestDatabases.fresh("sqlite").options());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "string");
        db.defineTable("people", fields);
        executor = new FxTaskExecutor();
        GridViewModel viewModel = new GridViewModel(db, "people", executor, new RecordingDialogService());
        // With a place to go, as in a data tab (its Related menu is in the tab's own bar).
        GridView view = new GridView(viewModel, place -> { });
        Scene scene = new Scene(view.root(), WIDE, 400);
        scene.getStylesheets().add(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.setScene(scene);
        stage.show();
        viewModel.open();
    }

    @Stop
    void stop() {
        if (Platform.isFxApplicationThread()) {
            stage.close();
        } else {
            Platform.runLater(stage::close);
        }
        executor.close();
        db.close();
    }

    private void resize(double width) throws TimeoutException {
        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(width));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Math.abs(stage.getScene().getWidth() - width) < 20);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every item of the toolbar is laid out inside it, and no overflow menu is offered. */
    private static void everyButtonShows(FxRobot robot) {
        ToolBar bar = robot.lookup(".tool-bar").queryAs(ToolBar.class);
        Node overflow = bar.lookup(".tool-bar-overflow-button");
        assertTrue(overflow == null || !overflow.isVisible(), "no » menu");
        Bounds inBar = bar.getLayoutBounds();
        for (Node item : bar.getItems()) {
            assertNotNull(item.getScene(), item.getId() + " is on screen");
            Bounds b = bar.sceneToLocal(item.localToScene(item.getLayoutBounds()));
            assertTrue(item.isVisible() && b.getMaxX() <= inBar.getMaxX() + 1, item.getId() + " fits in the bar: " + b + " in " + inBar);
            assertNotNull(((Control) item).getTooltip(), item.getId() + " says what it does");
        }
    }

    @Test
    void atTheWidthOf1280PixelsTheMenusKeepTheirLabels(FxRobot robot) throws TimeoutException {
        resize(WIDE);

        everyButtonShows(robot);
        for (String id : new String[] {"#gridCopy", "#gridTransfer"}) {
            assertFalse(robot.lookup(id).queryAs(Labeled.class).getContentDisplay() == ContentDisplay.GRAPHIC_ONLY, id);
        }
    }

    @Test
    void aGridOpenedInANarrowWindowShowsEveryButtonFromTheStart(FxRobot robot) throws TimeoutException {
        robot.interact(() -> {
            GridViewModel viewModel = new GridViewModel(db, "people", executor, new RecordingDialogService());
            Scene scene = new Scene(new GridView(viewModel, place -> { }).root(), NARROW, 400);
            scene.getStylesheets().add(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            stage.setScene(scene);
            viewModel.open();
        });
        WaitForAsyncUtils.waitForFxEvents();

        everyButtonShows(robot);
    }

    /**
     * Since Related moved to the data screen's bar, the toolbar's menus keep their labels in a
     * 1000×650 window too (the shared CompactButtons that would turn them to icons is proved by
     * FilterBuilderLayoutTest).
     */
    @Test
    void atTheWidthOf1000PixelsTheMenusKeepTheirLabelsToo(FxRobot robot) throws TimeoutException {
        resize(NARROW);
        everyButtonShows(robot);
        for (String id : new String[] {"#gridCopy", "#gridTransfer"}) {
            assertEquals(ContentDisplay.LEFT, robot.lookup(id).queryAs(Labeled.class).getContentDisplay(), id);
        }
    }
}
