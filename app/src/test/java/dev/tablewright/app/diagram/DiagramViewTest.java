package dev.tablewright.app.diagram;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.shell.Theme;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.app.testing.Screenshots;
import dev.tablewright.core.Connector;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
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

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.tablewright.core.testing.TestDatabases;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Polyline;
import javax.imageio.ImageIO;

/** The diagram on screen: Chinook's keys all drawn, tables dragged and kept where they were dropped. */
@ExtendWith(ApplicationExtension.class)
class DiagramViewTest {
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

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void everyForeignKeyOfChinookIsDrawnAsAnEdgeBetweenItsTwoTables(String dialect, FxRobot robot) throws Exception {
        db = DiagramFixtures.chinook(dialect, dir);
        DiagramView view = show(robot);
        DiagramCanvas canvas = view.canvas();

        assertEquals(11, robot.lookup(".diagram-table").queryAll().size());
        Set<String> drawn = canvas.edges().stream().filter(e -> e.isVisible() && e.getScene() != null)
                .map(e -> e.edge().child() + "." + e.edge().field() + "->" + e.edge().parent()).collect(Collectors.toSet());
        assertEquals(Set.copyOf(DiagramFixtures.chinookKeys(dialect)), drawn);
        for (EdgeShape e : canvas.edges()) {
            Bounds line = e.getBoundsInParent();
            assertTrue(line.getWidth() > 0 || line.getHeight() > 0, "edge " + e.edge().id() + " has a length");
        }
        assertEquals("11 tables, 11 relationships", robot.lookup("#diagramStatus").queryLabeled().getText());
        assertTrue(!canvas.minimap().isVisible(), "eleven tables fit on screen: no minimap");
    }

    @Test
    void draggedTablesStayWhereTheyWereDroppedWhenTheDiagramOpensAgain(FxRobot robot) throws Exception {
        db = DiagramFixtures.fresh("sqlite");
        db.defineTable("users", Map.of("name", "string"));
        db.defineTable("posts", Map.of("title", "string"));
        db.optionallyHasOne("posts", "users", null);
        DiagramView view = show(robot);
        DiagramViewModel vm = viewModel(view);
        Point before = vm.positions().get("posts");

        robot.drag("#table-posts .table-name").moveBy(120, 60).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        Point after = vm.positions().get("posts");
        double zoom = view.canvas().zoom();
        assertEquals(before.x() + 120 / zoom, after.x(), 2);
        assertEquals(before.y() + 60 / zoom, after.y(), 2);
        DiagramView again = show(robot);
        assertEquals(after, viewModel(again).positions().get("posts"));
    }

    static List<String> allDialects() {
        return TestDatabases.dialects();
    }

    /** Drags from the child's link handle onto the parent's box, then answers the dialog. */
    private void draw(FxRobot robot, DiagramView view, String child, String parent, String kind, String role) throws TimeoutException {
        robot.drag("#link-" + child).dropTo("#table-" + parent);
        waitUntil(() -> view.openDialog() != null && robot.lookup("#relationshipCreate").tryQuery().isPresent());
        robot.clickOn("#kind-" + kind);
        if (role != null) {
            robot.clickOn("#relationshipRole").write(role, 0);
        }
        waitUntil(() -> !robot.lookup("#relationshipCreate").queryButton().isDisabled());
        robot.clickOn("#relationshipCreate");
        waitUntil(() -> view.openDialog() == null && !viewModel(view).loadingProperty().get());
    }

    @ParameterizedTest
    @MethodSource("allDialects")
    void eachKindOfRelationshipIsDrawnByDraggingAndOneIsDeleted(String dialect, FxRobot robot) throws Exception {
        db = DiagramFixtures.fresh(dialect);
        db.defineTable("users", Map.of("name", "string"));
        db.defineTable("posts", Map.of("title", "string"));
        db.defineTable("comments", Map.of("text", "string"));
        db.defineTable("tags", Map.of("label", "string"));
        DiagramView view = show(robot);

        draw(robot, view, "posts", "users", "optional", "Author");
        draw(robot, view, "comments", "posts", "mandatory", null);
        draw(robot, view, "posts", "tags", "manyToMany", null);

        var author = db.getTableSchema("posts").fields().get("authorId");
        assertEquals("users", author.references().table());
        assertTrue(author.allowNull(), "optional");
        var post = db.getTableSchema("comments").fields().get("postId");
        assertEquals("posts", post.references().table());
        assertTrue(!post.allowNull(), "mandatory");
        assertTrue(db.getTableSchema("tags").relationships().stream().anyMatch(r -> "manyToMany".equals(r.get("type"))));
        waitUntil(() -> view.canvas().edges().size() == 3);

        EdgeShape authorEdge = view.canvas().edges().stream().filter(e -> e.edge().field().equals("authorId")).findFirst().orElseThrow();
        Bounds b = authorEdge.localToScreen(authorEdge.getBoundsInLocal());
        Point2D middle = edgeMiddle(authorEdge);
        robot.clickOn(middle);
        robot.type(KeyCode.DELETE);
        waitUntil(() -> !db.getTableSchema("posts").fields().containsKey("authorId"));
        waitUntil(() -> view.canvas().edges().size() == 2);
        assertTrue(b.getWidth() > 0 || b.getHeight() > 0);
        assertTrue(dialogs.shown().stream().anyMatch(d -> d.startsWith("confirm|Remove relationship|Remove the link from 'posts.authorId'")), dialogs.shown().toString());
    }

    @Test
    void searchCentresATableDoubleClickOpensItAndThePictureIsSavedAsPng(FxRobot robot) throws Exception {
        db = DiagramFixtures.chinook("sqlite", dir);
        Path png = dir.resolve("chinook.png");
        dialogs.answerFiles(png);
        DiagramView view = show(robot);
        List<String> opened = new ArrayList<>();
        view.setOnOpenTable(opened::add);

        robot.clickOn("#diagramSearch").write("invoiceli", 0).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        Bounds box = view.canvas().screenBounds("InvoiceLine");
        Bounds canvas = view.canvas().localToScreen(view.canvas().getBoundsInLocal());
        assertEquals(canvas.getCenterX(), box.getCenterX(), 2, "centred across");
        assertEquals(canvas.getCenterY(), box.getCenterY(), 2, "centred down");
        assertTrue(viewModel(view).selected().contains("InvoiceLine"));

        robot.doubleClickOn("#table-InvoiceLine .table-name");
        assertEquals(List.of("InvoiceLine"), opened);

        robot.clickOn("#diagramExport").clickOn("#diagramExportPng");
        waitUntil(() -> Files.exists(png) && Files.size(png) > 0);
        BufferedImage picture = ImageIO.read(png.toFile());
        assertTrue(picture.getWidth() > 500 && picture.getHeight() > 500, picture.getWidth() + "x" + picture.getHeight());
    }

    @Test
    void onABigSchemaTheMinimapMovesTheViewWhereItIsClicked(FxRobot robot) throws Exception {
        db = DiagramFixtures.fresh("sqlite");
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            script.append("CREATE TABLE t").append(i).append(" (id INTEGER PRIMARY KEY, name TEXT")
                    .append(i > 0 ? ", parentId INTEGER REFERENCES t" + (i - 1) + "(id)" : "").append(");");
        }
        db.exec(script.toString());
        DiagramView view = show(robot);
        Minimap minimap = view.canvas().minimap();
        assertTrue(minimap.isVisible());
        robot.interact(() -> view.zoomBy(1 / view.zoom()));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds map = minimap.localToScreen(minimap.getBoundsInLocal());

        robot.clickOn(new Point2D(map.getMinX() + 6, map.getMinY() + 6));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds first = view.canvas().screenBounds("t0");
        Bounds canvas = view.canvas().localToScreen(view.canvas().getBoundsInLocal());
        assertTrue(canvas.intersects(first), "the top-left corner of the diagram is in view: " + first);

        robot.clickOn(new Point2D(map.getMaxX() - 6, map.getMaxY() - 6));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!canvas.intersects(view.canvas().screenBounds("t0")), "the view moved to the far corner");
    }

    /** The screen point in the middle of an edge's line, where a click selects it. */
    private static Point2D edgeMiddle(EdgeShape edge) {
        Polyline line = (Polyline) edge.getChildren().get(0);
        List<Double> p = line.getPoints();
        double x = (p.get(0) + p.get(p.size() - 2)) / 2;
        double y = (p.get(1) + p.get(p.size() - 1)) / 2;
        return edge.localToScreen(x, y);
    }

    private static DiagramViewModel viewModel(DiagramView view) {
        return view.viewModel();
    }

    @Test
    @Tag("screenshot")
    void screenshots(FxRobot robot) throws Exception {
        Screenshots.assumeRequested();
        db = DiagramFixtures.chinook("sqlite", dir);
        DiagramView view = show(robot);
        robot.interact(() -> view.canvas().fit());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(view.root(), "diagram-chinook", Theme.LIGHT);
        Screenshots.save(view.root(), "diagram-chinook-dark", Theme.DARK);
        robot.interact(() -> Application.setUserAgentStylesheet(Theme.LIGHT.stylesheet()));
        robot.drag("#link-Invoice").dropTo("#table-Employee");
        waitUntil(() -> view.openDialog() != null && robot.lookup("#relationshipCreate").tryQuery().isPresent());
        robot.clickOn("#relationshipRole").write("SalesRep", 0);
        waitUntil(() -> robot.lookup("#relationshipProblem").queryLabeled().isVisible());
        Screenshots.save(view.openDialog().content(), "diagram-relationship-refused", Theme.LIGHT);
        robot.interact(() -> view.openDialog().dialog().close());

        db.close();
        db = DiagramFixtures.fresh("sqlite");
        db.defineTable("users", Map.of("name", "string"));
        db.defineTable("posts", Map.of("title", "string", "body", "text"));
        DiagramView blog = show(robot);
        robot.drag("#link-posts").dropTo("#table-users");
        waitUntil(() -> blog.openDialog() != null && robot.lookup("#relationshipCreate").tryQuery().isPresent());
        robot.clickOn("#relationshipRole").write("Author", 0);
        waitUntil(() -> robot.lookup("#relationshipStatements").queryAs(TextArea.class).getText().contains("authorId"));
        Screenshots.save(blog.openDialog().content(), "diagram-relationship-dialog", Theme.LIGHT);
        robot.interact(() -> blog.openDialog().dialog().close());
    }
}
