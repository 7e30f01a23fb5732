package dev.tablewright.app.diagram;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.shell.Theme;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.core.Connector;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A schema of hundreds of tables on screen: seen whole, it is drawn on one canvas with no node per
 * table; zoomed in, only the tables in view are nodes, reused as the view moves; and the gestures
 * (select, drag, double-click, search) work either way.
 */
@ExtendWith(ApplicationExtension.class)
class DiagramBigSchemaTest {
    private static final int TABLES = 160;
    private Stage stage;
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    @TempDir
    Path dir;
    private Connector db;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(Theme.LIGHT.stylesheet());
        stage.setScene(new Scene(new StackPane(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        if (db != null) {
            db.close();
        }
    }

    /** {@value #TABLES} tables t000…, each but the first with a key to a parent a third of its number (a tree). */
    private static Connector bigSchema() {
        Connector db = DiagramFixtures.fresh("sqlite");
        StringBuilder script = new StringBuilder("BEGIN;");
        for (int i = 0; i < TABLES; i++) {
            script.append("CREATE TABLE ").append(name(i)).append(" (id INTEGER PRIMARY KEY, name TEXT NOT NULL, amount REAL");
            if (i > 0) {
                script.append(", parentId INTEGER REFERENCES ").append(name((i - 1) / 3)).append("(id)");
            }
            script.append(");");
        }
        db.exec(script.append("COMMIT;").toString());
        return db;
    }

    private static String name(int i) {
        return String.format(Locale.ROOT, "t%03d", i);
    }

    private DiagramView show(FxRobot robot) throws TimeoutException {
        DiagramViewModel vm = new DiagramViewModel(db, "test", tasks, dialogs, new DiagramPositions(dir.resolve("data")));
        DiagramView view = new DiagramView(vm);
        robot.interact(() -> {
            stage.getScene().setRoot(view.root());
            vm.load();
        });
        waitUntil(() -> !vm.loadingProperty().get() && !vm.layingOutProperty().get() && !vm.positions().isEmpty()
                || !vm.problemProperty().get().isEmpty());
        assertEquals("", vm.problemProperty().get());
        robot.interact(view::fit);
        settle(robot, view);
        return view;
    }

    /** Lets the canvas catch up with the view: the nodes in view are made in its layout. */
    private static void settle(FxRobot robot, DiagramView view) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.canvas().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Point2D centre(Bounds b) {
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    @Test
    void seenWholeABigSchemaIsDrawnOnTheCanvasWithoutATableNode(FxRobot robot) throws Exception {
        db = bigSchema();
        DiagramView view = show(robot);
        DiagramCanvas canvas = view.canvas();

        assertTrue(view.zoom() < DiagramCanvas.READABLE_ZOOM, "the fitted zoom is below the readable one: " + view.zoom());
        assertEquals(0, robot.lookup(".diagram-table").queryAll().size(), "no table is a node");
        assertEquals(List.of(), canvas.edges(), "no edge is a node");
        assertTrue(!canvas.overview().isBlank(), "the canvas draws the tables");

        // Where a table is, the canvas shows its box; in the margin above the diagram, the background.
        Bounds canvasOnScreen = canvas.localToScreen(canvas.getBoundsInLocal());
        Bounds table = canvas.screenBounds("t080");
        PixelReader pixels = snapshot(robot, canvas).getPixelReader();
        int boxX = (int) (table.getCenterX() - canvasOnScreen.getMinX());
        int boxY = (int) (table.getCenterY() - canvasOnScreen.getMinY());
        assertNotEquals(pixels.getArgb(2, 2), pixels.getArgb(boxX, boxY), "the box stands out from the background");
    }

    private static WritableImage snapshot(FxRobot robot, DiagramCanvas canvas) {
        List<WritableImage> shot = new ArrayList<>();
        robot.interact(() -> shot.add(canvas.snapshot(null, null)));
        return shot.get(0);
    }

    @Test
    void zoomedInOnlyTheTablesInViewAreNodesAndTheyAreReusedWhenTheViewComesBack(FxRobot robot) throws Exception {
        db = bigSchema();
        DiagramView view = show(robot);
        DiagramCanvas canvas = view.canvas();

        robot.clickOn("#diagramSearch").write("t150", 0).type(KeyCode.ENTER);
        settle(robot, view);

        assertEquals(1.0, view.zoom(), 1e-9, "a search from afar zooms in to 100 %");
        TableBox box = canvas.box("t150");
        assertNotNull(box, "the table found is a node");
        assertTrue(robot.lookup("#table-t150").tryQuery().isPresent());
        int nodes = canvas.shownBoxes().size();
        assertTrue(nodes > 0 && nodes <= 60, "only the tables near the screen are nodes: " + nodes);
        assertTrue(canvas.overview().isBlank(), "at 100 % the canvas draws nothing");
        assertTrue(canvas.edges().stream().anyMatch(e -> e.edge().child().equals("t151") || e.edge().child().equals("t150")),
                "the edges in view are nodes");

        robot.interact(() -> view.panBy(-20_000, -20_000));
        settle(robot, view);
        assertNull(canvas.box("t150"), "a table far off screen is no node");
        robot.interact(() -> view.panBy(20_000, 20_000));
        settle(robot, view);
        assertSame(box, canvas.box("t150"), "the box made before is shown again, not made anew");
    }

    @Test
    void seenWholeTablesAreSelectedDraggedTogetherAndOpenedAndTheirPlacesSaved(FxRobot robot) throws Exception {
        db = bigSchema();
        DiagramView view = show(robot);
        DiagramViewModel vm = view.viewModel();
        DiagramCanvas canvas = view.canvas();
        Point first = vm.positions().get("t100");
        Point second = vm.positions().get("t120");

        robot.clickOn(centre(canvas.screenBounds("t100")));
        robot.press(KeyCode.CONTROL).clickOn(centre(canvas.screenBounds("t120"))).release(KeyCode.CONTROL);
        assertEquals(Set.of("t100", "t120"), vm.selected());
        robot.drag(centre(canvas.screenBounds("t100"))).moveBy(40, 30).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        double zoom = view.zoom();
        Point moved = vm.positions().get("t100");
        assertEquals(first.x() + 40 / zoom, moved.x(), 3 / zoom);
        assertEquals(first.y() + 30 / zoom, moved.y(), 3 / zoom);
        assertEquals(second.x() + moved.x() - first.x(), vm.positions().get("t120").x(), 1e-6, "the other selected table moved along");
        assertEquals(0, robot.lookup(".diagram-table").queryAll().size(), "still no table node at this zoom");

        List<String> opened = new ArrayList<>();
        view.setOnOpenTable(opened::add);
        robot.doubleClickOn(centre(canvas.screenBounds("t120")));
        assertEquals(List.of("t120"), opened);

        waitUntil(() -> moved.equals(new DiagramPositions(dir.resolve("data")).load("test", db.databaseName()).get("t100")));
        DiagramView again = show(robot);
        assertEquals(moved, again.viewModel().positions().get("t100"), "the drop is where the diagram opens next time");
    }

    @Test
    void aPictureOfABigSchemaTooWideToReadIsDrawnAsTheOverviewWithoutANodePerTable(FxRobot robot) throws Exception {
        db = bigSchema();
        DiagramView view = show(robot);
        DiagramViewModel vm = view.viewModel();
        // One table far away: the whole picture must shrink below the readable zoom to fit 8,000 pixels.
        robot.interact(() -> vm.move(List.of(name(TABLES - 1)), 40_000, 0));
        robot.interact(view::fit);
        settle(robot, view);
        int made = view.canvas().madeBoxes();

        AtomicReference<PixelImage> taken = new AtomicReference<>();
        robot.interact(() -> taken.set(view.canvas().picture()));
        PixelImage picture = taken.get();

        assertEquals(8000, Math.max(picture.width(), picture.height()), 2, picture.width() + "x" + picture.height());
        assertEquals(made, view.canvas().madeBoxes(), "no table was made a node for the picture");
        Point p = vm.positions().get(name(0));
        double shrink = picture.width() / (extentWidth(vm) + 160.0);
        double minX = vm.positions().values().stream().mapToDouble(Point::x).min().orElseThrow();
        double minY = vm.positions().values().stream().mapToDouble(Point::y).min().orElseThrow();
        int x = (int) ((p.x() - minX + 80 + 20) * shrink);
        int y = (int) ((p.y() - minY + 80 + 10) * shrink);
        assertTrue((picture.argb()[y * picture.width() + x] >>> 24) > 0, "the first table's box is drawn at " + x + "," + y);
    }

    private static double extentWidth(DiagramViewModel vm) {
        DiagramGraph graph = vm.graphProperty().get();
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        for (DiagramGraph.Table t : graph.tables()) {
            Point p = vm.positions().get(t.name());
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x() + NodeGeometry.width(t));
        }
        return maxX - minX;
    }
}
