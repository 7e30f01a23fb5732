package dev.tablewright.app.grid;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.app.testing.Chinook;
import dev.tablewright.core.Connector;
import dev.tablewright.core.query.ReadOptions;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import static dev.tablewright.app.grid.RelationsViewTest.cell;
import static dev.tablewright.app.grid.RelationsViewTest.labelBeside;
import static dev.tablewright.app.grid.RelationsViewTest.text;
import static dev.tablewright.app.grid.RelationsViewTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chinook's albums must have an artist: Add asks for the artist first, and Escape there adds nothing. */
@ExtendWith(ApplicationExtension.class)
class NewRowParentsViewTest {
    Stage stage;
    Connector db;
    FxTaskExecutor executor;
    GridViewModel albums;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        db = Chinook.on("sqlite").open();
        executor = new FxTaskExecutor();
        albums = new GridViewModel(db, "Album", executor, new RecordingDialogService());
        Scene scene = new Scene(new GridView(albums).root(), 1280, 800);
        scene.getStylesheets().add(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.setScene(scene);
        stage.show();
        albums.open();
    }

    @Stop
    void stop() throws Exception {
        FxToolkit.setupFixture(() -> {
            new ArrayList<>(Window.getWindows()).stream().filter(w -> w instanceof PopupWindow).forEach(Window::hide);
            stage.setScene(new Scene(new Group()));
        });
        executor.close();
        db.close();
    }

    @Test
    void addingAnAlbumPicksItsArtistFirstAndEscapeAddsNothing(FxRobot robot) throws TimeoutException {
        waitFor(() -> "347 rows".equals(text(robot, "#gridRowCount")));

        robot.clickOn("#gridAdd");
        waitFor(() -> robot.lookup("#pickerSearch").tryQuery().isPresent());
        assertTrue(robot.lookup("New Album: pick its Artist (ArtistId)").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup("#pickerSearch").tryQuery().isEmpty());
        assertFalse(albums.rowsProperty().get().get(0).isDraft(), "no row was added");
        assertEquals(347, albums.rowsProperty().get().size());

        robot.clickOn("#gridAdd");
        waitFor(() -> robot.lookup("#pickerSearch").tryQuery().isPresent());
        robot.write("AC/D");
        waitFor(() -> robot.lookup("#pickerList").queryListView().getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        waitFor(() -> albums.rowsProperty().get().get(0).isDraft());
        waitFor(() -> "AC/DC".equals(labelBeside(cell(robot, "ArtistId", 0))));
        assertEquals("1", cell(robot, "ArtistId", 0).getText());

        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn(cell(robot, "Title", 0));
        robot.write("Rock Anew").type(KeyCode.ENTER);
        robot.clickOn("#gridSave");

        waitFor(() -> "Row added.".equals(text(robot, "#gridMessage")));
        Map<String, Object> saved = db.findRow("Album", ReadOptions.filter(List.of("Title", "=", "Rock Anew")).toBuilder().autoJoin(false).build());
        assertEquals(1L, ((Number) saved.get("ArtistId")).longValue());
        waitFor(() -> "348 rows".equals(text(robot, "#gridRowCount")));
    }
}
