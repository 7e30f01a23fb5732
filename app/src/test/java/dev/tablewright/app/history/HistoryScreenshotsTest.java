package dev.tablewright.app.history;

import dev.tablewright.app.shell.Theme;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.app.testing.Screenshots;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.testing.TestDatabases;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Renders a record's timeline with a JSON diff, and a table as it stood, light and dark, for docs/screenshots. */
@ExtendWith(ApplicationExtension.class)
@Tag("screenshot")
@EnabledIfSystemProperty(named = Screenshots.PROPERTY, matches = ".+")
class HistoryScreenshotsTest {
    private Stage stage;
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private Connector db;

    @Start
    void start(Stage stage) {
        this.stage = stage;
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

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(1100);
    }

    /** A small shop whose Ethiopian coffee changed four times, once by another client. */
    private Object shop() throws InterruptedException {
        db = Connector.connect(ConnectOptions.fromMap(TestDatabases.fresh("sqlite").options()));
        db.defineTable("products", fields("name", "string", "price", "number", "stock", "integer", "details", "json"), Map.of("trackHistory", true));
        db.addRow("products", fields("name", "Colombian Supremo", "price", 12.5, "stock", 40, "details", Map.of("origin", Map.of("country", "Colombia"))));
        Object id = db.addRow("products", fields("name", "Ethiopian Yirgacheffe", "price", 14.9, "stock", 25,
                "details", Map.of("origin", Map.of("country", "Ethiopia", "region", "Gedeo"), "roast", "light", "notes", List.of("jasmine", "lemon")))).get("id");
        db.addRow("products", fields("name", "Sumatra Mandheling", "price", 13.2, "stock", 18, "details", Map.of("origin", Map.of("country", "Indonesia"))));
        pause();
        db.patchRow("products", fields("id", id, "price", 15.9));
        pause();
        db.patchRow("products", fields("id", id, "details", Map.of("origin", Map.of("country", "Ethiopia", "region", "Sidama"), "roast", "medium",
                "notes", List.of("jasmine", "lemon", "bergamot"))));
        pause();
        db.exec("UPDATE products SET stock = 21 WHERE id = '" + id + "'");
        pause();
        db.deleteRow("products", db.findRow("products", ReadOptions.filter(List.of("name", "=", "Sumatra Mandheling"))).get("id"));
        return id;
    }

    private void show(FxRobot robot, Parent root) {
        robot.interact(() -> stage.getScene().setRoot(root));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRecordsTimelineWithAJsonDiffAndTheTableAsItStood(FxRobot robot) throws Exception {
        Object id = shop();
        RecordHistoryViewModel record = new RecordHistoryViewModel(db, "products", id, tasks);
        show(robot, (Parent) new RecordHistoryView(record).root());
        robot.interact(record::load);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> record.versions().size() == 4);
        robot.interact(() -> {
            record.selectedProperty().set(record.versions().get(2));
            record.leftProperty().set(record.versions().get(0));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene().getRoot(), "history-record-timeline", Theme.LIGHT);
        Screenshots.save(stage.getScene().getRoot(), "history-record-timeline-dark", Theme.DARK);

        Instant beforeDelete = record.versions().get(3).changedAt();
        TimeTravelViewModel travel = new TimeTravelViewModel(db, "products", beforeDelete, tasks);
        show(robot, (Parent) new TimeTravelView(travel, null).root());
        robot.interact(travel::load);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> travel.rows().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene().getRoot(), "history-time-travel", Theme.LIGHT);
        Screenshots.save(stage.getScene().getRoot(), "history-time-travel-dark", Theme.DARK);

        robot.interact(() -> stage.setWidth(1000));
        robot.interact(() -> stage.setHeight(650));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene().getRoot(), "history-time-travel-narrow", Theme.LIGHT);
        show(robot, (Parent) new RecordHistoryView(record).root());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene().getRoot(), "history-record-timeline-narrow", Theme.LIGHT);
        HistoryViewModel log = new HistoryViewModel(db, "products", tasks);
        show(robot, (Parent) new HistoryView(log).root());
        robot.interact(log::load);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> log.entries().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene().getRoot(), "history-audit-log", Theme.LIGHT);
    }
}
