package dev.tablewright.app.grid;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.filter.FilterBuilderViewModel;
import dev.tablewright.app.shell.TableDataView;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.app.testing.Chinook;
import dev.tablewright.core.Connector;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.Group;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxToolkit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.query.ReadOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Chinook on screen: tracks show their albums' titles, and a person hops to an album, to its tracks, and back. */
@ExtendWith(ApplicationExtension.class)
class RelationsViewTest {
    static final String FIRST_ALBUM = "For Those About To Rock We Salute You";

    Connector db;
    FxTaskExecutor executor;
    TableDataView view;
    final List<FilterBuilderViewModel> builders = new ArrayList<>();

    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        db = Chinook.on("sqlite").open();
        executor = new FxTaskExecutor();
        RecordingDialogService dialogs = new RecordingDialogService();
        builders.clear();
        TableDataView.Tables tables = new TableDataView.Tables() {
            @Override
            public GridViewModel grid(String table) {
                return new GridViewModel(db, table, executor, dialogs);
            }

            @Override
            public FilterBuilderViewModel filter(String table) {
                FilterBuilderViewModel builder = new FilterBuilderViewModel(db, "chinook", table, executor, dialogs);
                builders.add(builder);
                return builder;
            }

            @Override
            public JoinedResultViewModel joined(List<String> tables, Filter filter) {
                return new JoinedResultViewModel(db, tables, filter, executor);
            }
        };
        GridViewModel grid = tables.grid("Track");
        view = new TableDataView(grid, tables.filter("Track"), new SimpleDoubleProperty(-1), tables);
        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.setScene(scene);
        stage.show();
        grid.open();
    }

    @Stop
    void stop() throws Exception {
        // Popups (the picker, menus) and this screen leave with the test: the next test class gets the same stage.
        FxToolkit.setupFixture(() -> {
            new ArrayList<>(Window.getWindows()).stream().filter(w -> w instanceof PopupWindow).forEach(Window::hide);
            stage.setScene(new Scene(new Group()));
        });
        executor.close();
        db.close();
    }

    static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).<Labeled>query().getText();
    }

    static TableCell<?, ?> cell(FxRobot robot, String field, int index) {
        return robot.lookup(".grid-cell").match(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                && ("column-" + field).equals(c.getTableColumn().getId()) && c.getIndex() == index && c.isVisible()).query();
    }

    /** The parent's label a foreign-key cell shows beside its key. */
    static String labelBeside(TableCell<?, ?> cell) {
        return cell.getGraphic() instanceof Label l ? l.getText() : null;
    }

    @SuppressWarnings("unchecked")
    static TableView<GridRow> table(FxRobot robot) {
        return robot.lookup("#gridTable").match(Node::isVisible).queryAs(TableView.class);
    }

    @Test
    void tracksShowAlbumTitlesAndLeadToTheAlbumItsTracksAndBack(FxRobot robot) throws TimeoutException {
        waitFor(() -> "3,503 rows".equals(text(robot, "#gridRowCount")));
        waitFor(() -> FIRST_ALBUM.equals(labelBeside(cell(robot, "AlbumId", 0))));
        assertEquals("1", cell(robot, "AlbumId", 0).getText());
        assertEquals("Rock", labelBeside(cell(robot, "GenreId", 0)));

        robot.press(KeyCode.CONTROL).clickOn(cell(robot, "AlbumId", 0)).release(KeyCode.CONTROL);
        waitFor(() -> "1 row".equals(text(robot, "#gridRowCount")));
        assertEquals("Album 1 · " + FIRST_ALBUM, text(robot, "#placeCaption"));
        waitFor(() -> FIRST_ALBUM.equals(cell(robot, "Title", 0).getText()));
        assertEquals("AC/DC", labelBeside(cell(robot, "ArtistId", 0)));

        robot.clickOn(cell(robot, "Title", 0));
        robot.clickOn("#gridRelated");
        waitFor(() -> robot.lookup("Tracks of this album (10)").tryQuery().isPresent());
        robot.clickOn("Tracks of this album (10)");
        waitFor(() -> "10 rows".equals(text(robot, "#gridRowCount")));
        assertEquals("Tracks of album 1", text(robot, "#placeCaption"));
        waitFor(() -> FIRST_ALBUM.equals(labelBeside(cell(robot, "AlbumId", 9))));

        robot.clickOn("#navBack");
        waitFor(() -> ("Album 1 · " + FIRST_ALBUM).equals(text(robot, "#placeCaption")));
        assertEquals("1 row", text(robot, "#gridRowCount"));
        robot.clickOn("#navBack");
        waitFor(() -> "Track".equals(text(robot, "#placeCaption")));
        assertEquals("3,503 rows", text(robot, "#gridRowCount"));
        assertEquals(FIRST_ALBUM, labelBeside(cell(robot, "AlbumId", 0)));
        robot.clickOn("#navForward");
        waitFor(() -> ("Album 1 · " + FIRST_ALBUM).equals(text(robot, "#placeCaption")));

        // The Related menu leads to parents too: the album's artist.
        robot.clickOn(cell(robot, "Title", 0));
        robot.clickOn("#gridRelated");
        robot.clickOn("ArtistId → Artist 1 · AC/DC");
        waitFor(() -> "Artist 1 · AC/DC".equals(text(robot, "#placeCaption")));
        waitFor(() -> "AC/DC".equals(cell(robot, "Name", 0).getText()));
        robot.clickOn("#navBack");
        waitFor(() -> ("Album 1 · " + FIRST_ALBUM).equals(text(robot, "#placeCaption")));
    }

    @Test
    void editingAnAlbumIdPicksTheAlbumFromASearchablePicker(FxRobot robot) throws TimeoutException {
        waitFor(() -> "3,503 rows".equals(text(robot, "#gridRowCount")));
        waitFor(() -> FIRST_ALBUM.equals(labelBeside(cell(robot, "AlbumId", 0))));

        robot.doubleClickOn(cell(robot, "AlbumId", 0));
        waitFor(() -> robot.lookup("#pickerSearch").tryQuery().isPresent());
        robot.clickOn("#pickerSearch").write("let there");
        waitFor(() -> robot.lookup("#pickerList").queryListView().getItems().size() == 1);
        robot.clickOn("Let There Be Rock  ·  4");
        waitFor(() -> "Let There Be Rock".equals(labelBeside(cell(robot, "AlbumId", 0))));
        waitFor(() -> "1 change not saved".equals(text(robot, "#gridPending")));
        robot.clickOn("#gridSave");

        waitFor(() -> "Saved 1 row.".equals(text(robot, "#gridMessage")));
        assertEquals(4L, ((Number) db.findRow("Track", ReadOptions.filter(List.of("TrackId", "=", 1))).get("AlbumId")).longValue());
        waitFor(() -> "Let There Be Rock".equals(labelBeside(cell(robot, "AlbumId", 0))));
        assertEquals("4", cell(robot, "AlbumId", 0).getText());
    }

    @Test
    void anAlbumDeletedWhileItIsPickedIsRefusedAtSaveWithItsCodeAndTheKeyStays(FxRobot robot) throws TimeoutException {
        waitFor(() -> "3,503 rows".equals(text(robot, "#gridRowCount")));
        waitFor(() -> FIRST_ALBUM.equals(labelBeside(cell(robot, "AlbumId", 0))));
        db.addRow("Album", Map.of("AlbumId", 9999, "Title", "Gone Tomorrow", "ArtistId", 1));

        robot.doubleClickOn(cell(robot, "AlbumId", 0));
        waitFor(() -> robot.lookup("#pickerSearch").tryQuery().isPresent());
        robot.clickOn("#pickerSearch").write("Gone Tomorrow");
        waitFor(() -> robot.lookup("#pickerList").queryListView().getItems().size() == 1);
        db.deleteRow("Album", 9999);
        robot.type(KeyCode.ENTER);
        waitFor(() -> "1 change not saved".equals(text(robot, "#gridPending")));
        robot.clickOn("#gridSave");

        waitFor(() -> text(robot, "#gridMessage").startsWith("FOREIGN_KEY_VIOLATION: "));
        waitFor(() -> "9999".equals(cell(robot, "AlbumId", 0).getText()));
        assertEquals("1 change not saved", text(robot, "#gridPending"), "the input stays, to be corrected");
        assertEquals(1L, ((Number) db.findRow("Track", ReadOptions.filter(List.of("TrackId", "=", 1))).get("AlbumId")).longValue());
    }

    @Test
    void aFilterJoiningArtistAlbumAndTrackShowsItsRowsReadOnly(FxRobot robot) throws TimeoutException {
        waitFor(() -> "3,503 rows".equals(text(robot, "#gridRowCount")));
        robot.clickOn("#filterToggle");
        FilterBuilderViewModel builder = builders.get(0);
        waitFor(() -> builder.stateProperty().get() == FilterBuilderViewModel.State.READY);
        robot.interact(() -> {
            builder.addTable("Album");
            builder.addTable("Artist");
        });
        waitFor(() -> builder.tablesProperty().size() == 3);
        robot.interact(() -> builder.jsonTextProperty().set("[[\"Artist.ArtistId\", \"=\", \"Album.ArtistId\"], \"and\", "
                + "[\"Album.AlbumId\", \"=\", \"Track.AlbumId\"], \"and\", [\"Artist.Name\", \"=\", \"AC/DC\"]]"));
        waitFor(() -> "18 matching rows".equals(text(robot, "#matchingRows")));
        robot.clickOn("#applyFilter");

        waitFor(() -> "18 rows".equals(text(robot, "#joinedRowCount")));
        TableView<?> joined = robot.lookup("#joinedTable").queryAs(TableView.class);
        assertEquals("Track.TrackId", joined.getColumns().get(0).getText());
        waitFor(() -> "AC/DC".equals(((GridRow) joined.getItems().get(17)).value("Artist.Name")));
        assertEquals("For Those About To Rock (We Salute You)", ((GridRow) joined.getItems().get(0)).value("Track.Name"));
        assertEquals(false, joined.isEditable());

        robot.clickOn("#clearFilter");
        waitFor(() -> robot.lookup("#gridTable").tryQuery().isPresent() && "All rows".equals(text(robot, "#appliedFilter")));
    }
}
