package dev.tablewright.app.log;

import dev.tablewright.app.testing.WholeApp;
import dev.tablewright.app.TablewrightApp;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real app, started headless: an exception nobody catches reaches the user and the log. */
@ExtendWith(ApplicationExtension.class)
class UnexpectedErrorTest {
    @TempDir
    Path dataDir;

    private final TablewrightApp app = new TablewrightApp();

    @Start
    void start(Stage stage) {
        WholeApp.start(app, stage, dataDir);
    }

    @Stop
    void stop() {
        WholeApp.stop(app);
    }

    @Test
    void anExceptionOnTheFxThreadShowsADialogWithTheMessageAndTheLogFile(FxRobot robot) throws Exception {
        Platform.runLater(() -> {
            throw new IllegalStateException("the cell factory broke");
        });

        Path log = dataDir.resolve("logs").resolve(AppLog.FILE_NAME);
        String shown = waitForErrorDialog(robot);
        assertTrue(shown.contains("the cell factory broke"), shown);
        assertTrue(shown.contains(log.toString()), shown);
        String logged = waitForLogLine(log, "the cell factory broke");
        assertTrue(logged.contains("Unexpected error on thread JavaFX Application Thread"), logged);
        assertTrue(logged.contains("java.lang.IllegalStateException: the cell factory broke"), logged);
    }

    @Test
    void anExceptionOnABackgroundThreadShowsTheDialogToo(FxRobot robot) throws Exception {
        Thread worker = new Thread(() -> {
            throw new IllegalArgumentException("a worker gave up");
        }, "some-worker");
        worker.start();
        worker.join();

        String shown = waitForErrorDialog(robot);
        assertTrue(shown.contains("a worker gave up"), shown);
        String logged = waitForLogLine(dataDir.resolve("logs").resolve(AppLog.FILE_NAME), "a worker gave up");
        assertTrue(logged.contains("Unexpected error on thread some-worker"), logged);
    }

    private static String waitForErrorDialog(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> errorDialog(robot).isPresent());
        String text = errorDialog(robot).orElseThrow().getContentText();
        robot.interact(() -> errorDialog(robot).ifPresent(pane -> pane.getScene().getWindow().hide()));
        return text;
    }

    private static Optional<DialogPane> errorDialog(FxRobot robot) {
        return robot.listWindows().stream()
                .filter(Window::isShowing)
                .filter(window -> window instanceof Stage stage && CrashReporter.TITLE.equals(stage.getTitle()))
                .map(window -> window.getScene().getRoot())
                .filter(DialogPane.class::isInstance)
                .map(DialogPane.class::cast)
                .findFirst();
    }

    private static String waitForLogLine(Path log, String needle) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> read(log).contains(needle));
        return read(log);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
