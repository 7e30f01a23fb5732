package dev.tablewright.app.grid;

import dev.tablewright.app.task.FxTaskExecutor;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grid's warm-up after start-up draws real rows out of sight and leaves nothing behind: no window, no file. */
@ExtendWith(ApplicationExtension.class)
class GridWarmUpTest {
    private static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void theGridDrawsItsRowsOutOfSightAndItsDatabaseIsDeleted() throws Exception {
        List<Path> before = warmUpFiles();
        int windows = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().size()).get();
        try (FxTaskExecutor tasks = new FxTaskExecutor()) {
            CompletableFuture<Boolean> drawn = WaitForAsyncUtils.asyncFx(() -> GridWarmUp.start(tasks, List.of())).get();
            assertTrue(drawn.get(60, TimeUnit.SECONDS), "the warm-up grid showed its rows");
        }
        assertEquals(before, warmUpFiles(), "its temporary database is gone");
        assertEquals(windows, WaitForAsyncUtils.asyncFx(() -> Window.getWindows().size()).get(), "no window was opened");
    }

    private static List<Path> warmUpFiles() throws IOException {
        try (Stream<Path> files = Files.list(TEMP)) {
            return files.filter(f -> f.getFileName().toString().startsWith("tablewright-warmup")).sorted().toList();
        }
    }
}
