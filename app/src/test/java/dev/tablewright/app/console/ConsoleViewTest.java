package dev.tablewright.app.console;

import dev.tablewright.app.shell.Theme;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.testing.TestDatabases;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import dev.tablewright.app.testing.Screenshots;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The console in a window, driven as a person would: typing, keys and buttons, on SQLite. */
@ExtendWith(ApplicationExtension.class)
class ConsoleViewTest {
    @TempDir
    Path dataDir;

    private Connector connector;
    private FxTaskExecutor tasks;
    private ConsoleViewModel viewModel;
    private ConsoleView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        connector = new Connector();
        connector.create(TestDatabases.fresh("sqlite").options());
        connector.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, city TEXT);"
                + "INSERT INTO customers (id, name, city) VALUES (1, 'Ada Lovelace', 'London'), (2, 'Grace Hopper', 'New York'),"
                + " (3, 'Edsger Dijkstra', 'Austin'), (4, 'Barbara Liskov', 'Boston')");
        tasks = new FxTaskExecutor();
        viewModel = new ConsoleViewModel(connector, new QueryHistory(dataDir, "sample"), tasks);
        view = new ConsoleView(viewModel);
        stage.setScene(new Scene(view.root(), 1100, 700));
        // The stage is shared with other test classes (and one test here narrows it): sized by
        // hand, it would keep that size whatever the new scene's.
        stage.sizeToScene();
        stage.show();
    }

    @Stop
    void stop() {
        tasks.close();
        connector.close();
    }

    @Test
    void typingAQueryAndPressingCtrlEnterShowsItsRowsInAResultTab(FxRobot robot) throws Exception {
        robot.clickOn("#sqlEditor").write("SELECT name, city FROM customers ORDER BY name");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#resultGrid").tryQuery().isPresent());
        TableView<List<Object>> grid = robot.lookup("#resultGrid").queryAs(TableView.class);
        assertEquals(List.of("Ada Lovelace", "London"), grid.getItems().get(0));
        assertEquals(4, grid.getItems().size());
        assertEquals(List.of("name", "city"), grid.getColumns().stream().map(c -> c.getText()).toList());
        assertTrue(robot.lookup("#resultSummary").queryAs(Label.class).getText().startsWith("4 rows · "));
    }

    @Test
    void anErrorsSummaryIsReadInFullInANarrowWindow(FxRobot robot) throws Exception {
        robot.interact(() -> stage.setWidth(700));
        robot.clickOn("#sqlEditor").write("SELECT name FROM customers\nWHER id = 1");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#resultError").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        Label summary = robot.lookup("#resultSummary").queryAs(Label.class);
        assertTrue(summary.getText().contains("(at line 2, column"), summary.getText());
        assertEquals(summary.getText(), ((Text) summary.lookup(".text")).getText(), "the summary is not cut to '…'");
    }

    @Test
    void inTheDarkThemeTheEditorIsDarkUnderItsLightText(FxRobot robot) throws Exception {
        robot.interact(() -> view.root().getScene().getStylesheets().add(Theme.DARK.stylesheet()));
        robot.clickOn("#sqlEditor").write("SELECT name FROM customers");
        Region editor = robot.lookup("#sqlEditor").queryAs(Region.class);
        // The typed text is laid out, and coloured by the highlighter, a pulse or more after the
        // keys, and its nodes are replaced as it is: each look is taken whole on the FX thread.
        AtomicReference<String> seen = new AtomicReference<>("no text with 'name' in the editor");
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
                Color background = (Color) editor.getBackground().getFills().get(editor.getBackground().getFills().size() - 1).getFill();
                Text name = editor.lookupAll(".text").stream().filter(n -> n instanceof Text t && t.getText().contains("name"))
                        .map(Text.class::cast).findFirst().orElse(null);
                if (name == null) {
                    return false;
                }
                Color text = (Color) name.getFill();
                seen.set(text + " on " + background);
                return background.getBrightness() < 0.4 && text.getBrightness() > 0.6;
            }).get());
        } catch (TimeoutException e) {
            fail("light text on a dark editor: " + seen.get());
        }
    }

    @Test
    void theWindowKeepsAnsweringWhileASlowQueryRunsAndCancelStopsIt(FxRobot robot) throws Exception {
        robot.clickOn("#sqlEditor").write("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000)"
                + " SELECT count(*) FROM c");
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewModel.runningProperty().get());

        CompletableFuture<Boolean> probe = new CompletableFuture<>();
        Platform.runLater(() -> probe.complete(viewModel.runningProperty().get()));
        assertTrue(probe.get(20, TimeUnit.SECONDS), "the FX thread answered while the query was still running");
        robot.clickOn("#historyToggle");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#historySearch").tryQuery().isPresent());
        assertTrue(viewModel.runningProperty().get(), "a button was clicked and its pane shown while the query ran");

        robot.clickOn("#cancelButton");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !viewModel.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#consoleStatus").queryAs(Label.class).getText().startsWith("Cancelled"));
        assertTrue(robot.lookup("#resultGrid").tryQuery().isEmpty());
    }

    @Test
    void anErrorPutsTheCaretWhereTheDatabaseFoundIt(FxRobot robot) throws Exception {
        robot.clickOn("#sqlEditor").write("SELECT 1;\nSELECT name\nFROM customers\nWHEN city = 1");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#resultError").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        String text = viewModel.scriptProperty().get();
        assertEquals(text.indexOf("WHEN"), view.editor().getCaretPosition());
    }

    /** Not a check: renders the console with a result and the history open for docs/screenshots. */
    @Test
    @Tag("screenshot")
    void rendersAScreenshot(FxRobot robot) throws Exception {
        Screenshots.assumeRequested();
        String script = "-- Customers by city, with their orders\nSELECT c.name, c.city, 'it''s \"quoted\"' AS note, 42 AS answer\n"
                + "FROM customers AS c\nWHERE c.city IN ('London', 'Boston', 'Austin', 'New York')\nORDER BY (c.name);\n\n"
                + "UPDATE customers SET city = 'Cambridge' WHERE id = 4;";
        robot.interact(() -> viewModel.scriptProperty().set(script));
        robot.clickOn("#historyToggle");
        robot.interact(() -> {
            view.editor().moveTo(script.indexOf("UPDATE"));
            viewModel.runCurrent();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewModel.results().size() == 1);
        robot.interact(() -> {
            view.editor().moveTo(script.indexOf("name);") + 4);
            viewModel.runCurrent();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewModel.results().size() == 2);
        robot.interact(() -> view.editor().moveTo(script.indexOf("name);") + 5));
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(Files.size(Screenshots.save(view.root(), "sql-console")) > 0);
    }

}
