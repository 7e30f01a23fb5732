package dev.tablewright.app;

import dev.tablewright.app.testing.WholeApp;
import dev.tablewright.app.dialog.FxDialogService;
import dev.tablewright.app.shell.Theme;
import dev.tablewright.app.testing.Screenshots;
import dev.tablewright.core.Connector;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
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

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The screens of issue 13 (relationships in the grid), at 1280x800 and 1000x650 in the light and
 * the dark theme, with Chinook and a small blog (posts and tags linked many-to-many) opened from
 * the command line: Track with its albums' titles, the album picker, the Related menu, an album's
 * tracks, a three-table join, and a post's tags. Popups (the picker, the menu) are drawn over the
 * window where they stand. Runs only from scripts/screenshots.sh.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("screenshot")
@EnabledIfSystemProperty(named = Screenshots.PROPERTY, matches = ".+")
class RelationsScreenshotsTest {
    private static final Path CHINOOK = Path.of("..", "..", "shared", "datasets", "chinook", "Chinook_Sqlite.sqlite");
    private static final String JOIN = "[[\"Artist.ArtistId\", \"=\", \"Album.ArtistId\"], \"and\", "
            + "[\"Album.AlbumId\", \"=\", \"Track.AlbumId\"], \"and\", [\"Artist.Name\", \"=\", \"AC/DC\"]]";

    @TempDir
    Path dataDir;

    private TablewrightApp app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path chinook = dataDir.resolve("Chinook.sqlite");
        Files.copy(CHINOOK, chinook);
        Path blog = dataDir.resolve("blog.sqlite");
        try (Connector db = new Connector()) {
            db.create(Map.of("dialect", "sqlite", "database", blog.toString()));
            db.defineTable("posts", Map.of("title", "string", "published", "date"));
            db.defineTable("tags", Map.of("name", "uniquestring"));
            db.optionallyHasMany("posts", "tags");
            List<Object> tags = new ArrayList<>();
            for (String name : List.of("databases", "java", "javafx", "postgresql", "sqlite", "testing", "ux")) {
                tags.add(db.addRow("tags", Map.of("name", name)).get("id"));
            }
            Object first = db.addRow("posts", Map.of("title", "Paging a million rows by keyset", "published", "2026-11-02")).get("id");
            db.addRow("posts", Map.of("title", "Foreign keys you can read", "published", "2026-11-16"));
            db.addRow("posts", Map.of("title", "Three dialects, one meaning", "published", "2026-11-30"));
            db.associateRow("posts", first, "tags", List.of(tags.get(0), tags.get(3), tags.get(4), tags.get(6)));
        }
        app = new TablewrightApp(List.of(chinook.toString(), blog.toString()), FxDialogService::new);
        WholeApp.start(app, stage, dataDir);
    }

    @Stop
    void stop() {
        WholeApp.stop(app);
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            try {
                return condition.call();
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Node inNavigator(FxRobot robot, String text) {
        return robot.from(robot.lookup("#navigator").queryAs(TreeView.class)).lookup(text).query();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).match(Node::isVisible).queryLabeled().getText();
    }

    private static TableCell<?, ?> cell(FxRobot robot, String field, int index) {
        return robot.lookup(".grid-cell").match(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                && ("column-" + field).equals(c.getTableColumn().getId()) && c.getIndex() == index && c.isVisible()).query();
    }

    private void select(FxRobot robot, String tabText) {
        TabPane workspace = robot.lookup("#workspace").queryAs(TabPane.class);
        robot.interact(() -> workspace.getTabs().stream().filter(t -> t.getText() != null && t.getText().startsWith(tabText)).findFirst()
                .ifPresent(t -> workspace.getSelectionModel().select(t)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theScreensOfIssue13AtBothSizesInBothThemes(FxRobot robot) throws Exception {
        Screenshots.assumeRequested();
        waitUntil(() -> robot.lookup("Track").tryQuery().isPresent() && robot.lookup("posts").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn(inNavigator(robot, "posts"));
        waitUntil(() -> "3 rows".equals(text(robot, "#gridRowCount")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn(inNavigator(robot, "Track"));
        waitUntil(() -> "3,503 rows".equals(text(robot, "#gridRowCount")));

        for (double[] size : List.of(new double[]{1280, 800}, new double[]{1000, 650})) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
                robot.interact(() -> Application.setUserAgentStylesheet(theme.stylesheet()));
                String suffix = "-" + (int) size[0] + "x" + (int) size[1] + (theme.isDark() ? "-dark" : "");
                shootTrack(robot, suffix, theme);
                shootLinkedTags(robot, suffix, theme);
            }
        }
    }

    private void shootTrack(FxRobot robot, String suffix, Theme theme) throws Exception {
        select(robot, "Track");
        waitUntil(() -> "For Those About To Rock We Salute You".equals(labelBeside(cell(robot, "AlbumId", 0))));
        save("issue13-track-album-titles" + suffix, theme);

        robot.doubleClickOn(cell(robot, "AlbumId", 2));
        waitUntil(() -> robot.lookup("#pickerSearch").tryQuery().isPresent());
        robot.clickOn("#pickerSearch").write("rock");
        waitUntil(() -> robot.lookup("#pickerList").queryListView().getItems().size() > 5);
        Thread.sleep(300);
        save("issue13-album-picker" + suffix, theme);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#pickerSearch").tryQuery().isEmpty());

        robot.press(KeyCode.CONTROL).clickOn(cell(robot, "AlbumId", 0)).release(KeyCode.CONTROL);
        waitUntil(() -> "1 row".equals(text(robot, "#gridRowCount")) && "AC/DC".equals(labelBeside(cell(robot, "ArtistId", 0))));
        robot.clickOn(cell(robot, "Title", 0));
        robot.clickOn(robot.lookup("#gridRelated").match(Node::isVisible).<Node>query());
        waitUntil(() -> robot.lookup("Tracks of this album (10)").tryQuery().isPresent());
        Thread.sleep(300);
        save("issue13-related-menu" + suffix, theme);
        robot.clickOn("Tracks of this album (10)");
        waitUntil(() -> "10 rows".equals(text(robot, "#gridRowCount")) && labelBeside(cell(robot, "AlbumId", 9)) != null);
        save("issue13-album-tracks" + suffix, theme);
        robot.clickOn(robot.lookup("#navBack").match(Node::isVisible).<Node>query());
        waitUntil(() -> "1 row".equals(text(robot, "#gridRowCount")));
        robot.clickOn(robot.lookup("#navBack").match(Node::isVisible).<Node>query());
        waitUntil(() -> "3,503 rows".equals(text(robot, "#gridRowCount")));

        robot.clickOn(robot.lookup("#filterToggle").match(Node::isVisible).<Node>query());
        waitUntil(() -> robot.lookup("#addTable").match(Node::isVisible).tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<String> add = robot.lookup("#addTable").match(Node::isVisible).queryAs(ComboBox.class);
        robot.interact(() -> add.setValue("Album"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> add.setValue("Artist"));
        WaitForAsyncUtils.waitForFxEvents();
        TextInputControl json = robot.lookup("#filterJson").match(Node::isVisible).queryAs(TextInputControl.class);
        robot.interact(() -> json.setText(JOIN));
        waitUntil(() -> "18 matching rows".equals(text(robot, "#matchingRows")));
        robot.clickOn(robot.lookup("#applyFilter").match(Node::isVisible).<Node>query());
        waitUntil(() -> "18 rows".equals(text(robot, "#joinedRowCount")));
        Thread.sleep(300);
        save("issue13-joined-result" + suffix, theme);
        robot.clickOn(robot.lookup("#clearFilter").match(Node::isVisible).<Node>query());
        waitUntil(() -> robot.lookup("#gridTable").match(Node::isVisible).tryQuery().isPresent());
        for (String table : List.of("Artist", "Album")) {
            robot.lookup("#removeTable-" + table).match(Node::isVisible).tryQuery().ifPresent(robot::clickOn);
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.clickOn(robot.lookup("#filterToggle").match(Node::isVisible).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shootLinkedTags(FxRobot robot, String suffix, Theme theme) throws Exception {
        select(robot, "posts");
        waitUntil(() -> "Paging a million rows by keyset".equals(cell(robot, "title", 0).getText()));
        if (robot.lookup("#linkedPanel").match(Node::isVisible).tryQuery().isEmpty()) {
            robot.clickOn(cell(robot, "title", 0));
            robot.clickOn(robot.lookup("#gridRelated").match(Node::isVisible).<Node>query());
            waitUntil(() -> robot.lookup("Linked tags (4)").tryQuery().isPresent());
            robot.clickOn("Linked tags (4)");
            waitUntil(() -> robot.lookup("#linkedList").queryListView().getItems().size() == 4);
        }
        robot.clickOn(robot.lookup("#linkedAdd").match(Node::isVisible).<Node>query());
        waitUntil(() -> robot.lookup("#pickerSearch").tryQuery().isPresent());
        robot.clickOn("#pickerSearch").write("java");
        waitUntil(() -> robot.lookup("#pickerList").queryListView().getItems().size() == 2);
        Thread.sleep(300);
        save("issue13-linked-tags" + suffix, theme);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#pickerSearch").tryQuery().isEmpty());
    }

    private static String labelBeside(TableCell<?, ?> cell) {
        return cell.getGraphic() instanceof Label l ? l.getText() : null;
    }

    /** The window and the popups over it (a picker, a menu), each drawn where it stands on the screen. */
    private void save(String name, Theme theme) throws Exception {
        Screenshots.assumeRequested();
        WaitForAsyncUtils.waitForFxEvents();
        CompletableFuture<BufferedImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Parent root = stage.getScene().getRoot();
                root.applyCss();
                BufferedImage image = SwingFXUtils.fromFXImage(root.snapshot(null, null), null);
                double originX = stage.getX() + stage.getScene().getX() + root.getBoundsInParent().getMinX();
                double originY = stage.getY() + stage.getScene().getY() + root.getBoundsInParent().getMinY();
                Graphics2D g = image.createGraphics();
                for (Window w : new ArrayList<>(Window.getWindows())) {
                    if (w instanceof PopupWindow popup && popup.isShowing() && popup.getScene() != null) {
                        Parent top = popup.getScene().getRoot();
                        top.applyCss();
                        SnapshotParameters clear = new SnapshotParameters();
                        clear.setFill(Color.TRANSPARENT);
                        BufferedImage over = SwingFXUtils.fromFXImage(top.snapshot(clear, null), null);
                        double x = popup.getX() + popup.getScene().getX() + top.getBoundsInParent().getMinX() - originX;
                        double y = popup.getY() + popup.getScene().getY() + top.getBoundsInParent().getMinY() - originY;
                        g.drawImage(over, (int) Math.round(x), (int) Math.round(y), null);
                    }
                }
                g.dispose();
                shot.complete(image);
            } catch (RuntimeException e) {
                shot.completeExceptionally(e);
            }
        });
        Path target = Path.of(System.getProperty(Screenshots.PROPERTY)).resolve(name + ".png");
        Files.createDirectories(target.getParent());
        ImageIO.write(shot.get(30, TimeUnit.SECONDS), "png", target.toFile());
    }
}
