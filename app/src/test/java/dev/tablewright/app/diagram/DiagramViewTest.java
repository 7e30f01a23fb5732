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
    }

    @Test
    void draggedTablesStayWhereTheyWereDroppedWhenTheDiagramOpensAgain(FxRobot robot) throws Exception {
        db = DiagramFixtures.fresh("sqlite");
        db.defineTable("users", java.util.Map.of("name", "string"));
        db.defineTable("posts", java.util.Map.of("title", "string"));
        db.optionallyHasOne("posts", "users", null);
        DiagramView view = show(robot);
        DiagramViewModel vm = viewModel(view);
        Point before = vm.positions().get("posts");

        robot.drag("#table-posts .table-name").moveBy(120, 60).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        Point after = vm.positions().get("posts");
        double zoom = view.canvas().zoom();
        assertEquals(before.x() + 120 / zoom, after.x(), 2);
        assertEquals(before.y() + 60 / zoom, after.y(), 2);
        DiagramView again = show(robot);
        assertEquals(after, viewModel(again).positions().get("posts"));
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
    }
}
