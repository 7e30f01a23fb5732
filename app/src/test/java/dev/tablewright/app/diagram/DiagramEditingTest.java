package dev.tablewright.app.diagram;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.navigator.NavigatorConnection;
import dev.tablewright.app.navigator.NavigatorViewModel;
import dev.tablewright.app.shell.Screens;
import dev.tablewright.app.shell.Theme;
import dev.tablewright.app.shell.WorkspaceRequest;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.app.testing.NoTableActions;
import dev.tablewright.app.testing.Screenshots;
import dev.tablewright.core.Connector;
import java.util.ArrayList;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * Editing the schema from the diagram: a new table from the canvas's menu through the real table
 * designer (wired by the shell's {@link Screens}), a many-to-many's junction unfolded and folded, a
 * thin edge hit near its line at any zoom, the schema saved as a call file.
 */
@ExtendWith(ApplicationExtension.class)
class DiagramEditingTest {
    private Stage stage;
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService().answerConfirmations(true);
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

    static List<String> dialects() {
        return DiagramFixtures.dialects();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private DiagramView show(FxRobot robot) throws TimeoutException {
        DiagramViewModel vm = new DiagramViewModel(db, "test", tasks, dialogs, new DiagramPositions(dir.resolve("data")));
        DiagramView view = new DiagramView(vm);
        robot.interact(() -> {
            stage.getScene().setRoot(view.root());
            vm.load();
        });
        waitUntil(() -> !vm.loadingProperty().get() && !vm.layingOutProperty().get() && !vm.positions().isEmpty());
        return view;
    }

    /** A screen point of the canvas with no table within {@code room} pixels to its right and below, nearest its middle. */
    private static Point2D emptySpot(DiagramCanvas canvas, List<String> tables, double room) {
        Bounds area = canvas.localToScreen(canvas.getBoundsInLocal());
        Point2D best = null;
        for (double x = area.getMinX() + 20; x < area.getMaxX() - room - 20; x += 10) {
            for (double y = area.getMinY() + 20; y < area.getMaxY() - room - 20; y += 10) {
                Rectangle2D spot = new Rectangle2D(x - 20, y - 20, room + 40, room + 40);
                boolean free = tables.stream().map(canvas::screenBounds)
                        .noneMatch(b -> spot.intersects(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()));
                Point2D p = new Point2D(x, y);
                if (free && (best == null || p.distance(area.getCenterX(), area.getCenterY()) < best.distance(area.getCenterX(), area.getCenterY()))) {
                    best = p;
                }
            }
        }
        assertNotNull(best, "the canvas has an empty spot");
        return best;
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aNewTableIsDesignedFromTheCanvasMenuAndAppearsWhereTheMenuWasOpened(String dialect, FxRobot robot) throws Exception {
        db = DiagramFixtures.fresh(dialect);
        db.defineTable("users", Map.of("name", "string"));
        db.defineTable("posts", Map.of("title", "string"));
        db.optionallyHasOne("posts", "users", null);
        // The window's wiring: the navigator's connection, the shell's screens, the designer beside the diagram.
        StackPane designerSide = new StackPane();
        Screens[] screens = new Screens[1];
        NoTableActions actions = new NoTableActions() {
            @Override
            public void design(NavigatorConnection connection, String table) {
                Node designer = screens[0].create(new WorkspaceRequest(WorkspaceRequest.Kind.DESIGN, connection, table)).orElseThrow().content();
                designerSide.getChildren().setAll(designer);
            }
        };
        screens[0] = new Screens(tasks, dialogs, dir.resolve("data"), c -> { }, actions);
        NavigatorConnection connection = new NavigatorViewModel(tasks, dialogs, actions).add("test", "", db);
        Node diagram = screens[0].create(new WorkspaceRequest(WorkspaceRequest.Kind.DIAGRAM, connection, null)).orElseThrow().content();
        robot.interact(() -> stage.getScene().setRoot(new SplitPane(diagram, designerSide)));
        waitUntil(() -> robot.lookup("#table-users").tryQuery().isPresent() && !robot.lookup("#diagramBusy").query().isVisible());
        DiagramCanvas canvas = robot.lookup("#diagramCanvas").queryAs(DiagramCanvas.class);
        Point2D spot = emptySpot(canvas, List.of("users", "posts"), 140);

        rightClick(robot, canvas, spot);
        robot.clickOn("#diagramNewTableHere");
        waitUntil(() -> robot.lookup("#tableName").tryQuery().isPresent());
        robot.clickOn("#tableName").write("shipments", 0);
        robot.clickOn("#addField");
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> !robot.lookup("#apply").queryAs(Button.class).isDisabled());
        robot.clickOn("#apply");

        waitUntil(() -> robot.lookup("#table-shipments").tryQuery().isPresent());
        assertTrue(db.getAllTables().contains("shipments"));
        Bounds box = canvas.screenBounds("shipments");
        assertEquals(spot.getX(), box.getMinX(), 2, "the new table's box starts where the menu was opened");
        assertEquals(spot.getY(), box.getMinY(), 2);
        assertEquals(box, canvas.screenBounds("shipments"), "and stays there");
    }

    @Test
    void aTableThatKeepsHistoryOffersItsHistoryAndTimeTravelFromItsMenu(FxRobot robot) throws Exception {
        db = DiagramFixtures.fresh("sqlite");
        db.defineTable("orders", Map.of("total", "number"), Map.of("trackHistory", true));
        db.defineTable("notes", Map.of("text", "string"));
        List<String> opened = new ArrayList<>();
        NoTableActions actions = new NoTableActions() {
            @Override
            public void history(NavigatorConnection connection, String table) {
                opened.add("history " + table);
            }

            @Override
            public void timeTravel(NavigatorConnection connection, String table, Instant at) {
                opened.add("time travel " + table);
            }
        };
        Screens screens = new Screens(tasks, dialogs, dir.resolve("data"), c -> { }, actions);
        NavigatorConnection connection = new NavigatorViewModel(tasks, dialogs, actions).add("test", "", db);
        Node diagram = screens.create(new WorkspaceRequest(WorkspaceRequest.Kind.DIAGRAM, connection, null)).orElseThrow().content();
        robot.interact(() -> stage.getScene().setRoot((Parent) diagram));
        waitUntil(() -> robot.lookup("#table-orders").tryQuery().isPresent() && !robot.lookup("#diagramBusy").query().isVisible());
        DiagramCanvas canvas = robot.lookup("#diagramCanvas").queryAs(DiagramCanvas.class);

        Bounds notes = canvas.screenBounds("notes");
        rightClick(robot, canvas, new Point2D(notes.getCenterX(), notes.getMinY() + 10));
        assertTrue(robot.lookup("#diagramDesignTable").tryQuery().isPresent());
        assertTrue(robot.lookup("#diagramTableHistory").tryQuery().isEmpty(), "a table without history offers none");
        robot.push(KeyCode.ESCAPE);

        Bounds orders = canvas.screenBounds("orders");
        rightClick(robot, canvas, new Point2D(orders.getCenterX(), orders.getMinY() + 10));
        robot.clickOn("#diagramTableHistory");
        rightClick(robot, canvas, new Point2D(orders.getCenterX(), orders.getMinY() + 10));
        robot.clickOn("#diagramTimeTravel");

        assertEquals(List.of("history orders", "time travel orders"), opened);
    }

    @Test
    void aManyToManyEdgeUnfoldsIntoItsJunctionOnDoubleClickAndFoldsBackFromTheMenu(FxRobot robot) throws Exception {
        db = DiagramFixtures.fresh("sqlite");
        db.defineTable("posts", Map.of("title", "string"));
        db.defineTable("tags", Map.of("label", "string"));
        db.optionallyHasMany("posts", "tags");
        DiagramView view = show(robot);
        DiagramCanvas canvas = view.canvas();
        assertEquals(1, canvas.edges().size());

        robot.doubleClickOn(middle(canvas, canvas.edges().get(0)));
        waitUntil(() -> robot.lookup("#table-__posts2tags").tryQuery().isPresent());

        assertEquals(List.of("__posts2tags.postId->posts", "__posts2tags.tagId->tags"), canvas.edges().stream().map(e -> e.edge().id()).sorted().toList());
        assertTrue(robot.lookup("#table-__posts2tags").query().getStyleClass().contains("junction"));
        assertTrue(robot.lookup("#link-__posts2tags").tryQuery().isEmpty(), "a hidden junction takes no new links");
        assertTrue(robot.lookup("#diagramRemoveEdge").queryButton().isDisabled(), "the folded edge clicked on is gone, and its selection with it");

        Bounds junction = canvas.screenBounds("__posts2tags");
        rightClick(robot, canvas, new Point2D(junction.getCenterX(), junction.getMinY() + 10));
        robot.clickOn("#diagramFoldJunction");
        waitUntil(() -> robot.lookup("#table-__posts2tags").tryQuery().isEmpty());
        assertEquals(DiagramGraph.Kind.MANY_TO_MANY, canvas.edges().get(0).edge().kind());

        rightClick(robot, canvas, middle(canvas, canvas.edges().get(0)));
        robot.clickOn("#diagramExpandJunction");
        waitUntil(() -> robot.lookup("#table-__posts2tags").tryQuery().isPresent());
    }

    @Test
    void aThinEdgeIsSelectedByAClickBesideItAtAnyZoomAndOnTheOverviewOfABigSchema(FxRobot robot) throws Exception {
        db = DiagramFixtures.fresh("sqlite");
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            script.append("CREATE TABLE t").append(i).append(" (id INTEGER PRIMARY KEY, name TEXT")
                    .append(i > 0 ? ", parentId INTEGER REFERENCES t" + (i - 1) + "(id)" : "").append(");");
        }
        db.exec(script.toString());
        DiagramView view = show(robot);
        DiagramCanvas canvas = view.canvas();
        Button remove = robot.lookup("#diagramRemoveEdge").queryButton();

        for (double zoom : List.of(1.0, 0.3)) {
            // Again until it holds: the fit that follows the first layout may come after the test's first try.
            waitUntil(() -> {
                robot.interact(() -> {
                    view.showTable("t61");
                    view.zoomBy(zoom / view.zoom());
                    canvas.layout();
                });
                WaitForAsyncUtils.waitForFxEvents();
                return Math.abs(view.zoom() - zoom) < 1e-9;
            });
            assertEquals(zoom < DiagramCanvas.READABLE_ZOOM, !canvas.showsNodes(), "at " + zoom + " the overview draws the edges, no node");
            DiagramGraph.Edge edge = view.viewModel().graphProperty().get().edges().stream().filter(e -> e.child().equals("t61")).findFirst().orElseThrow();
            Point2D[] line = screenLine(canvas, edge);
            Point2D mid = line[0].midpoint(line[1]);
            Point2D across = new Point2D(-(line[1].getY() - line[0].getY()), line[1].getX() - line[0].getX()).normalize();

            robot.clickOn(mid.add(across.multiply(DiagramCanvas.EDGE_HIT - 2)));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(edge, view.viewModel().selectedEdgeProperty().get(), "a click " + (DiagramCanvas.EDGE_HIT - 2) + " px beside the line at " + zoom);
            assertFalse(remove.isDisabled());

            robot.clickOn(mid.add(across.multiply(DiagramCanvas.EDGE_HIT + 6)));
            WaitForAsyncUtils.waitForFxEvents();
            assertNull(view.viewModel().selectedEdgeProperty().get(), "a click well away from it selects nothing");
            assertTrue(remove.isDisabled());
        }
    }

    @Test
    void theSchemaIsExportedAsACallFileFromTheExportMenu(FxRobot robot) throws Exception {
        db = DiagramFixtures.fresh("sqlite");
        db.defineTable("users", Map.of("name", "string"));
        db.defineTable("posts", Map.of("title", "string"));
        db.optionallyHasOne("posts", "users", "Author");
        Path file = dir.resolve("schema.yaml");
        dialogs.answerFiles(file);
        show(robot);

        robot.clickOn("#diagramExport").clickOn("#diagramExportCallFile");
        waitUntil(() -> Files.exists(file) && Files.size(file) > 0);

        String text = Files.readString(file);
        assertTrue(text.indexOf("name: users") < text.indexOf("name: posts"), "the parent first:\n" + text);
        assertTrue(text.contains("references:"), text);
    }

    /** A right-click as the platform reports it (Monocle's headless glass sends no context-menu request for the secondary button). */
    private static void rightClick(FxRobot robot, DiagramCanvas canvas, Point2D screen) {
        robot.clickOn(screen, MouseButton.SECONDARY);
        // The event's x and y are the scene's: it is delivered in the canvas's own coordinates.
        Point2D scene = canvas.localToScene(canvas.screenToLocal(screen));
        robot.interact(() -> canvas.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                scene.getX(), scene.getY(), screen.getX(), screen.getY(), false, null)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The screen ends of an edge's line (parent's end first). */
    private static Point2D[] screenLine(DiagramCanvas canvas, DiagramGraph.Edge edge) {
        double[] r = EdgeShape.route(canvas.rect(edge.child()), canvas.rect(edge.parent()), edge.child().equals(edge.parent()));
        return new Point2D[] {canvas.screenPoint(r[0], r[1]), canvas.screenPoint(r[r.length - 2], r[r.length - 1])};
    }

    private static Point2D middle(DiagramCanvas canvas, EdgeShape shape) {
        Point2D[] line = screenLine(canvas, shape.edge());
        return line[0].midpoint(line[1]);
    }

    /** The menu now open, which a picture of the window would not show (it is a window of its own). */
    private static void savePopup(String name, Theme theme) throws Exception {
        Window popup = Window.getWindows().stream()
                .filter(w -> w instanceof PopupWindow && w.isShowing()).findFirst().orElseThrow();
        Screenshots.save(popup.getScene().getRoot(), name, theme);
    }

    @Test
    @Tag("screenshot")
    void screenshots(FxRobot robot) throws Exception {
        Screenshots.assumeRequested();
        db = DiagramFixtures.fresh("sqlite");
        db.defineTable("users", Map.of("name", "string", "email", "uniquestring"));
        db.defineTable("posts", Map.of("title", "string", "body", "text"));
        db.defineTable("tags", Map.of("label", "string"));
        db.optionallyHasOne("posts", "users", "Author");
        db.optionallyHasMany("posts", "tags");
        for (int[] size : new int[][] {{1000, 650}, {1280, 800}}) {
            robot.interact(() -> stage.setScene(new Scene(new StackPane(), size[0], size[1])));
            String suffix = "-" + size[0] + "x" + size[1];
            DiagramView view = show(robot);
            robot.interact(view::fit);
            WaitForAsyncUtils.waitForFxEvents();
            EdgeShape tags = view.canvas().edges().stream().filter(e -> e.edge().kind() == DiagramGraph.Kind.MANY_TO_MANY).findFirst().orElseThrow();
            rightClick(robot, view.canvas(), middle(view.canvas(), tags));
            savePopup("issue12-edge-menu" + suffix, Theme.LIGHT);
            savePopup("issue12-edge-menu" + suffix + "-dark", Theme.DARK);
            robot.interact(() -> Application.setUserAgentStylesheet(Theme.LIGHT.stylesheet()));
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            robot.interact(() -> view.viewModel().expandJunction("__posts2tags"));
            robot.interact(view::fit);
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.save(view.root(), "issue12-junction-unfolded" + suffix, Theme.LIGHT);
            Screenshots.save(view.root(), "issue12-junction-unfolded" + suffix + "-dark", Theme.DARK);
            robot.interact(() -> Application.setUserAgentStylesheet(Theme.LIGHT.stylesheet()));
            Point2D spot = emptySpot(view.canvas(), List.of("users", "posts", "tags", "__posts2tags"), 10);
            rightClick(robot, view.canvas(), spot);
            WaitForAsyncUtils.waitForFxEvents();
            savePopup("issue12-canvas-menu" + suffix, Theme.LIGHT);
            savePopup("issue12-canvas-menu" + suffix + "-dark", Theme.DARK);
            robot.interact(() -> Application.setUserAgentStylesheet(Theme.LIGHT.stylesheet()));
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            robot.clickOn("#diagramExport");
            WaitForAsyncUtils.waitForFxEvents();
            savePopup("issue12-export-menu" + suffix, Theme.LIGHT);
            savePopup("issue12-export-menu" + suffix + "-dark", Theme.DARK);
            robot.interact(() -> Application.setUserAgentStylesheet(Theme.LIGHT.stylesheet()));
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        }
    }
}
