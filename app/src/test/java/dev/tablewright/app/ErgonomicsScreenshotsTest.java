package dev.tablewright.app;

import dev.tablewright.app.testing.WholeApp;
import dev.tablewright.app.dialog.FxDialogService;
import dev.tablewright.app.shell.Theme;
import dev.tablewright.app.testing.NavigatorTables;
import dev.tablewright.app.testing.Screenshots;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import static dev.tablewright.app.testing.WholeApp.waitUntil;

/**
 * The screens issue 16 changed, at 1280x800 and 1000x650 in the light and the dark theme, with
 * Chinook opened from the command line: the welcome page, InvoiceLine's grid with the filter
 * builder, the designer with a field's warning, the console with a blank-line statement's error.
 * Runs only from scripts/screenshots.sh.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("screenshot")
@EnabledIfSystemProperty(named = Screenshots.PROPERTY, matches = ".+")
class ErgonomicsScreenshotsTest {
    private static final Path CHINOOK = Path.of("..", "..", "shared", "datasets", "chinook", "Chinook_Sqlite.sqlite");

    @TempDir
    Path dataDir;

    private TablewrightApp app;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        Path chinook = dataDir.resolve("Chinook.sqlite");
        Files.copy(CHINOOK, chinook);
        app = new TablewrightApp(List.of(chinook.toString()), FxDialogService::new);
        WholeApp.start(app, stage, dataDir);
    }

    @Stop
    void stop() {
        WholeApp.stop(app);
    }

    @Test
    void theScreensOfIssue16AtBothSizesInBothThemes(FxRobot robot) throws Exception {
        Screenshots.assumeRequested();
        waitUntil(() -> robot.lookup("Genre").tryQuery().isPresent() && robot.lookup("40 rows").tryQuery().isPresent());
        robot.clickOn("#navigatorSearch").write("n");
        WaitForAsyncUtils.waitForFxEvents();

        NavigatorTables.doubleClick(robot, "InvoiceLine");
        waitUntil(() -> robot.lookup("#gridRowCount").tryQuery().isPresent()
                && robot.lookup("#gridRowCount").queryLabeled().getText().endsWith("rows"));
        // An edit waiting for Save: its cell marked, the count in the toolbar.
        robot.doubleClickOn(robot.lookup(".grid-cell").match(n -> n instanceof TableCell<?, ?> c
                && "column-Quantity".equals(c.getTableColumn().getId()) && c.getIndex() == 1).<Node>query());
        robot.push(KeyCode.SHORTCUT, KeyCode.A).write("3").type(KeyCode.ENTER);
        waitUntil(() -> "1 change not saved".equals(robot.lookup("#gridPending").queryLabeled().getText()));
        robot.clickOn("#filterToggle");
        waitUntil(() -> robot.lookup("#filterJson").tryQuery().isPresent());

        NavigatorTables.click(robot, "Genre");
        robot.push(KeyCode.SHORTCUT, KeyCode.D);
        waitUntil(() -> robot.lookup("#fields").tryQuery().isPresent() && !robot.lookup("#fields").queryTableView().getItems().isEmpty());
        robot.clickOn("#addField");
        WaitForAsyncUtils.waitForFxEvents();

        robot.push(KeyCode.SHORTCUT, KeyCode.CLOSE_BRACKET);
        waitUntil(() -> robot.lookup("#sqlEditor").tryQuery().isPresent() && robot.lookup("#sqlEditor").query().isFocused());
        robot.write("SELECT Name FROM Genre ORDER BY Name\n\nSELECT Title\nFROM Album\nWHER AlbumId = 1");
        robot.push(KeyCode.SHORTCUT, KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(1000);

        // The rest of the screens: a tracked table's history (the sample's products) and Chinook's diagram.
        robot.clickOn("#navigatorSearch").push(KeyCode.SHORTCUT, KeyCode.A).push(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        NavigatorTables.click(robot, "products");
        robot.push(KeyCode.SHORTCUT, KeyCode.H);
        waitUntil(() -> robot.lookup("#workspace").queryAs(TabPane.class).getTabs().size() == 5);
        NavigatorTables.click(robot, "Genre");
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.D);
        waitUntil(() -> robot.lookup("#workspace").queryAs(TabPane.class).getTabs().size() == 6);
        Thread.sleep(3000);

        TabPane workspace = robot.lookup("#workspace").queryAs(TabPane.class);
        String[] names = {"welcome", "grid-invoiceline", "designer-genre", "console-blank-lines", "history-products", "diagram-chinook"};
        for (double[] size : List.of(new double[]{1280, 800}, new double[]{1000, 650})) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
                for (int tab = 0; tab < names.length; tab++) {
                    int index = tab;
                    robot.interact(() -> workspace.getSelectionModel().select(index));
                    WaitForAsyncUtils.waitForFxEvents();
                    Thread.sleep(300);
                    Screenshots.save(stage.getScene().getRoot(), "issue16-" + names[tab] + "-" + (int) size[0] + "x" + (int) size[1]
                            + (theme.isDark() ? "-dark" : ""), theme);
                }
            }
        }

        // The connection manager is a window of its own, at its own size.
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.N);
        waitUntil(() -> Window.getWindows().size() > 1);
        Thread.sleep(1000);
        Window manager = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow()).get();
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            Screenshots.save(manager.getScene().getRoot(), "issue16-connection-manager" + (theme.isDark() ? "-dark" : ""), theme);
        }
    }
}
