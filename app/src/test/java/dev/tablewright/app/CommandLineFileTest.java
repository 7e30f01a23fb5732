package dev.tablewright.app;

import dev.tablewright.app.testing.WholeApp;
import dev.tablewright.app.testing.NavigatorTables;
import dev.tablewright.app.dialog.FxDialogService;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.tablewright.app.testing.WholeApp.waitUntil;

/**
 * The real app started with a database file it did not create, Chinook, named on its command line;
 * designing one of its tables leaves none of the workbench's tables in it.
 */
@ExtendWith(ApplicationExtension.class)
class CommandLineFileTest {
    private static final Path CHINOOK = Path.of("..", "..", "shared", "datasets", "chinook", "Chinook_Sqlite.sqlite");

    @TempDir
    static Path dataDir;

    private TablewrightApp app;
    private Path chinook;

    @Start
    void start(Stage stage) throws IOException {
        Assumptions.assumeTrue(Files.exists(CHINOOK), "the Chinook dataset is at " + CHINOOK.toAbsolutePath());
        Path dir = Files.createTempDirectory(dataDir, "run");
        chinook = dir.resolve("Chinook.sqlite");
        Files.copy(CHINOOK, chinook);
        app = new TablewrightApp(List.of("--verbose", chinook.toString()), owner -> new ChoosingFile(new FxDialogService(owner), chinook));
        WholeApp.start(app, stage, dir);
    }

    @Stop
    void stop() {
        WholeApp.stop(app);
    }

    private static void waitForChinook(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("Chinook.sqlite").tryQuery().isPresent() && robot.lookup("Genre").tryQuery().isPresent()
                && robot.lookup("25 rows").tryQuery().isPresent());
    }

    @Test
    void aFileNamedOnTheCommandLineOpensBesideTheSampleAndBecomesTheCurrentConnection(FxRobot robot) throws TimeoutException {
        waitForChinook(robot);

        waitUntil(() -> robot.lookup("#statusConnection").queryAs(Label.class).getText().startsWith("Chinook.sqlite · SQLite · "));
        assertTrue(robot.lookup("#statusConnection").queryAs(Label.class).getText().endsWith(chinook.toAbsolutePath().normalize().toString()));
    }

    @Test
    void addingAFieldToAChinookTableLeavesNoWorkbenchTableInTheFile(FxRobot robot) throws TimeoutException {
        waitForChinook(robot);
        // The sample opens beside it at the same time and moves the tree: the search leaves Genre alone in it.
        waitUntil(() -> robot.lookup("40 rows").tryQuery().isPresent());
        robot.clickOn("#navigatorSearch").write("Genre");
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(robot.from(robot.lookup("#navigator").queryAs(TreeView.class)).lookup("Genre").queryLabeled());
        robot.push(KeyCode.SHORTCUT, KeyCode.D);
        waitUntil(() -> robot.lookup("#fields").tryQuery().isPresent() && !robot.lookup("#fields").queryTableView().getItems().isEmpty());
        TableView<?> fields = robot.lookup("#fields").queryTableView();
        int before = fields.getItems().size();
        robot.clickOn("#addField");
        waitUntil(() -> fields.getItems().size() == before + 1 && !robot.lookup("#apply").queryButton().isDisabled());
        robot.clickOn("#apply");
        waitUntil(() -> robot.lookup("#designerStatus").tryQuery()
                .map(n -> ((Labeled) n).getText().startsWith("Applied")).orElse(false));

        try (Connector file = Connector.connect(ConnectOptions.sqlite(chinook.toString()))) {
            List<Map<String, Object>> genreColumns = file.query("SELECT name FROM pragma_table_info('Genre')").results();
            assertEquals(3, genreColumns.size(), "the field was added: " + genreColumns);
            List<Map<String, Object>> ours = file.query("SELECT name FROM sqlite_master WHERE name LIKE '\\_\\_tw%' ESCAPE '\\'").results();
            assertEquals(List.of(), ours, "the workbench wrote none of its tables into Chinook");
            assertEquals("delete", String.valueOf(file.query("PRAGMA journal_mode").results().get(0).get("journal_mode")).toLowerCase(Locale.ROOT),
                    "Chinook keeps its journal mode: the workbench does not switch a file it did not make to WAL");
        }
    }

    @Test
    void goingToARowsParentKeepsTheKeyboardInTheGrid(FxRobot robot) throws TimeoutException {
        waitForChinook(robot);
        NavigatorTables.doubleClick(robot, "Album");
        waitUntil(() -> robot.lookup("#gridRowCount").tryQuery().isPresent()
                && "347 rows".equals(robot.lookup("#gridRowCount").queryLabeled().getText()));
        waitUntil(() -> robot.lookup("AC/DC").tryQuery().isPresent());

        // Ctrl+click on a key goes to the row it points at, in the same tab.
        Node artist = robot.lookup(".grid-cell").match(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                && "column-ArtistId".equals(c.getTableColumn().getId()) && c.getIndex() == 0).query();
        robot.press(KeyCode.CONTROL).clickOn(artist).release(KeyCode.CONTROL);
        waitUntil(() -> "1 row".equals(robot.lookup("#gridRowCount").match(Node::isVisible).queryLabeled().getText()));
        WaitForAsyncUtils.waitForFxEvents();

        Node focused = robot.lookup("#workspace").query().getScene().getFocusOwner();
        boolean inGrid = false;
        for (Node n = focused; n != null; n = n.getParent()) {
            inGrid |= "gridTable".equals(n.getId()) && n.isVisible();
        }
        assertTrue(inGrid, "the keyboard stays in the grid, now the artist's, not " + focused);
    }
}
