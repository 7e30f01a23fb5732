package dev.tablewright.app.log;

import dev.tablewright.app.testing.WholeApp;
import dev.tablewright.app.TablewrightApp;
import dev.tablewright.app.testing.Screenshots;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
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

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** docs/screenshots/unexpected-error.png: the dialog an uncaught exception brings up. */
@Tag("screenshot")
// Disabled as a whole in ordinary runs: TestFX would report an assumption in @Start as an error.
@EnabledIfSystemProperty(named = Screenshots.PROPERTY, matches = ".+")
@ExtendWith(ApplicationExtension.class)
class UnexpectedErrorScreenshotTest {
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
    void theUnexpectedErrorDialog(FxRobot robot) throws Exception {
        Screenshots.assumeRequested();
        Platform.runLater(() -> {
            throw new IllegalStateException("Cannot invoke \"Object.toString()\" because \"value\" is null");
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.listWindows().stream()
                .anyMatch(w -> w.isShowing() && w instanceof Stage s && CrashReporter.TITLE.equals(s.getTitle())));
        DialogPane pane = robot.listWindows().stream()
                .filter(Window::isShowing)
                .filter(w -> w instanceof Stage s && CrashReporter.TITLE.equals(s.getTitle()))
                .map(w -> (DialogPane) w.getScene().getRoot())
                .findFirst().orElseThrow();
        Screenshots.save(pane, "unexpected-error");
        robot.interact(() -> pane.getScene().getWindow().hide());
    }
}
