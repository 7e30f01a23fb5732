package dev.tablewright.app.history;

import atlantafx.base.theme.PrimerLight;
import dev.tablewright.app.dialog.FxDialogService;
import dev.tablewright.app.navigator.NavigatorView;
import dev.tablewright.app.navigator.NavigatorViewModel;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.app.testing.NoTableActions;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;
import dev.tablewright.core.testing.TestDatabases;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static dev.tablewright.app.testing.WholeApp.rightClick;
import static dev.tablewright.app.testing.WholeApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person on every dialect: history turned on for a table from the navigator (the statements
 * shown before anything is written), a row deleted, and the table stepped back from now to before
 * the delete, where the row is again; a header click sorts the rows then.
 */
@ExtendWith(ApplicationExtension.class)
class TrackAndTimeTravelViewTest {
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private Stage stage;
    private BorderPane window;
    private Connector db;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        window = new BorderPane();
        stage.setScene(new Scene(window, 1200, 760));
        // The stage is shared with other test classes: sized by hand there, it would keep that size.
        stage.sizeToScene();
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

    @ParameterizedTest
    @MethodSource("dialects")
    void historyTurnedOnFromTheNavigatorShowsTheTableAsItStoodBeforeADelete(String dialect, FxRobot robot) throws TimeoutException {
        db = Connector.connect(ConnectOptions.fromMap(TestDatabases.fresh(dialect).options()));
        db.defineTable("products", Map.of("name", "string", "price", "number"));
        db.addRow("products", Map.of("name", "Kenya Nyeri AA", "price", 14.5));
        Object colombia = db.addRow("products", Map.of("name", "Colombia Huila", "price", 12)).get("id");
        db.addRow("products", Map.of("name", "Ethiopia Guji", "price", 13));
        NavigatorViewModel navigator = new NavigatorViewModel(tasks, new FxDialogService(stage), new NoTableActions());
        robot.interact(() -> {
            window.setLeft(new NavigatorView(navigator).root());
            navigator.add(dialect, "a fresh " + dialect + " database", db);
        });
        waitUntil(() -> robot.lookup("#navigator").tryQuery().isPresent() && robot.from(robot.lookup("#navigator").queryAll()).lookup("products").tryQuery().isPresent());

        rightClick(robot, robot.from(robot.lookup("#navigator").queryAll()).lookup("products").query());
        robot.clickOn("Keep history…");
        waitUntil(() -> robot.lookup("#confirmDetails").tryQuery().isPresent());
        String statements = robot.lookup("#confirmDetails").queryAs(TextArea.class).getText();
        assertTrue(statements.contains("CREATE TRIGGER"), "the statements are shown first: " + statements);
        robot.clickOn(button(robot, "Keep history"));
        waitUntil(() -> robot.lookup(".history-badge").tryQuery().isPresent());

        db.deleteRow("products", colombia);
        assertEquals(List.of("DELETE"), db.getAuditLog("products", Map.of()).stream().map(e -> e.get("action")).toList(),
                "the delete after history was turned on is recorded");
        // The moment asked for comes after the delete, as a person would ask a moment later.
        LockSupport.parkNanos(5_000_000);
        TimeTravelViewModel travel = new TimeTravelViewModel(db, "products", Instant.now(), tasks);
        robot.interact(() -> {
            window.setCenter(new TimeTravelView(travel, null).root());
            travel.load();
        });
        waitUntil(() -> robot.lookup("#timeTravelTable").tryQuery().isPresent() && names(robot).size() == 2);
        assertTrue(robot.lookup("#timeTravelBanner").queryLabeled().getText().contains("read-only"));

        robot.clickOn("#timeTravelPrevious");
        waitUntil(() -> names(robot).size() == 3);
        assertTrue(names(robot).contains("Colombia Huila"), "the deleted row is there before its delete: " + names(robot));

        robot.clickOn("#timeTravelHeader-price");
        waitUntil(() -> names(robot).equals(List.of("Colombia Huila", "Ethiopia Guji", "Kenya Nyeri AA")));
        robot.clickOn("#timeTravelHeader-price");
        waitUntil(() -> names(robot).equals(List.of("Kenya Nyeri AA", "Ethiopia Guji", "Colombia Huila")));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(FxRobot robot) {
        TableView<Map<String, Object>> table = robot.lookup("#timeTravelTable").queryAs(TableView.class);
        return table.getItems().stream().map(row -> row.get("name")).toList();
    }

    private static Button button(FxRobot robot, String text) {
        return robot.lookup(".button").queryAllAs(Button.class).stream().filter(b -> text.equals(b.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text));
    }
}
