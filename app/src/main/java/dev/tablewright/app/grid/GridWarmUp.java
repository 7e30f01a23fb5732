package dev.tablewright.app.grid;

import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Opens the grid once, out of sight, while the app is idle after start-up. The first table a user
 * opened took 435–611 ms to show its rows, later ones 120–210 ms (issue 17): the difference is
 * the JVM loading and compiling the grid's code, the first cells' skins and CSS, and the first
 * software rendering. Here a table of every logical type, in a temporary SQLite file of its own,
 * is opened in a {@link GridView} in a scene that is never shown, laid out with the app's
 * stylesheets until its rows are in, and drawn once into an image; then all of it is thrown away.
 * No database of the user's is touched, and a failure only goes to the log.
 */
public final class GridWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(GridWarmUp.class);
    private static final String TABLE = "warmup";
    /** About one screen of rows. */
    private static final int ROWS = 40;
    /** Layout passes to wait for the rows, 25 ms apart, before giving up. */
    private static final int TRIES = 200;

    private GridWarmUp() {
    }

    /**
     * Warms the grid up off the FX thread and then on it, in a scene the size of a window, with
     * {@code stylesheets}. The result completes, on the FX thread, with whether the rows were
     * drawn once the temporary database is gone.
     */
    public static CompletableFuture<Boolean> start(TaskExecutor tasks, List<String> stylesheets) {
        long started = System.nanoTime();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        tasks.execute(GridWarmUp::prepare, db -> open(tasks, db, stylesheets, started, done), failure -> {
            LOG.debug("Grid warm-up skipped: {}", failure.toString());
            done.complete(false);
        });
        return done;
    }

    private record WarmDb(Path file, Connector connector) {
    }

    private static WarmDb prepare() throws Exception {
        Path file = Files.createTempFile("tablewright-warmup", ".db");
        // Should the app be closed before the warm-up ends.
        file.toFile().deleteOnExit();
        Connector connector = Connector.connect(ConnectOptions.sqlite(file.toString()));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "string");
        fields.put("note", "text");
        fields.put("qty", "integer");
        fields.put("price", "number");
        fields.put("active", "boolean");
        fields.put("due", "date");
        fields.put("specs", "json");
        connector.defineTable(TABLE, fields);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(Map.of("name", "item " + i, "note", "a note", "qty", i, "price", i * 1.5, "active", i % 2 == 0,
                    "due", Instant.EPOCH.plusSeconds(86_400L * i).toString(), "specs", Map.of("size", i)));
        }
        connector.addRows(TABLE, rows);
        return new WarmDb(file, connector);
    }

    private static void open(TaskExecutor tasks, WarmDb db, List<String> stylesheets, long started, CompletableFuture<Boolean> done) {
        GridViewModel viewModel = new GridViewModel(db.connector(), TABLE, tasks, new SilentDialogs());
        Parent root = new GridView(viewModel).root();
        Scene scene = new Scene(root, 1200, 800);
        scene.getStylesheets().addAll(stylesheets);
        viewModel.open();
        int[] tries = {0};
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(25), e -> {
            root.applyCss();
            root.layout();
            boolean drawn = showsRows(root);
            if (drawn || ++tries[0] >= TRIES) {
                poll.stop();
                if (drawn) {
                    root.snapshot(null, null);
                }
                LOG.debug("Grid warm-up {} after {} ms", drawn ? "done" : "gave up", (System.nanoTime() - started) / 1_000_000);
                tasks.execute(() -> close(db), closed -> done.complete(drawn), failure -> {
                    LOG.debug("Grid warm-up left {}: {}", db.file(), failure.toString());
                    done.complete(drawn);
                });
            }
        }));
        poll.setCycleCount(TRIES);
        poll.play();
    }

    private static boolean showsRows(Parent root) {
        for (Node n : root.lookupAll(".grid-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getText() != null && cell.getText().startsWith("item ")) {
                return true;
            }
        }
        return false;
    }

    private static Void close(WarmDb db) throws Exception {
        db.connector().close();
        Files.deleteIfExists(db.file());
        return null;
    }

    /** The warm-up asks nothing and shows nothing: every question is declined. */
    private static final class SilentDialogs implements DialogService {
        @Override
        public void showInformation(String title, String header, String content) {
        }

        @Override
        public void showError(String title, String content) {
            LOG.debug("Grid warm-up: {}", content);
        }

        @Override
        public boolean confirm(String title, String header, String content, String action) {
            return false;
        }

        @Override
        public Optional<String> askText(String title, String header, String initialValue) {
            return Optional.empty();
        }

        @Override
        public Optional<String> askPassword(String title, String header) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToCreate(String title, String suggestedName, List<FileFilter> filters) {
            return Optional.empty();
        }

        @Override
        public boolean confirmByTyping(String title, String content, String expected, String action) {
            return false;
        }

        @Override
        public void showImage(String title, byte[] image) {
        }
    }
}
