package dev.tablewright.app.testing;

import dev.tablewright.app.DataDirectory;
import dev.tablewright.app.TablewrightApp;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The whole workbench in TestFX's window, on a data directory of the test's own: what a test that
 * drives the real app calls from its {@code @Start} and {@code @Stop}, and the waits and clicks
 * such tests share.
 */
public final class WholeApp {
    private WholeApp() {
    }

    /**
     * Starts {@code app} in {@code stage} with its files in {@code dataDir}. The stage is TestFX's
     * one primary stage, shared by every test class of the run: the app's window gets the size the
     * app gives it (a remembered one, or its default), not whatever size the class before left.
     */
    public static void start(TablewrightApp app, Stage stage, Path dataDir) {
        System.setProperty(DataDirectory.PROPERTY, dataDir.toString());
        stage.setMaximized(false);
        app.start(stage);
        stage.sizeToScene();
    }

    /** Stops the app as closing its window does, and forgets the test's data directory. */
    public static void stop(TablewrightApp app) {
        app.stop();
        System.clearProperty(DataDirectory.PROPERTY);
    }

    /**
     * Waits up to 30 s for {@code condition}, then for what the FX thread has queued. The condition
     * is looked at on the FX thread, where the scene cannot change under it: looked up from the
     * test thread while a list or tree is rebuilt, a node can vanish halfway (an
     * IndexOutOfBoundsException inside TestFX's lookup, seen in CI).
     */
    public static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A right-click as the platform reports it (Monocle's headless glass sends no context-menu request for the secondary button). */
    public static void rightClick(FxRobot robot, Node node) {
        robot.clickOn(node);
        Bounds b = node.localToScreen(node.getBoundsInLocal());
        double x = b.getMinX() + b.getWidth() / 2;
        double y = b.getMinY() + b.getHeight() / 2;
        Point2D local = node.screenToLocal(x, y);
        robot.interact(() -> node.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                local.getX(), local.getY(), x, y, false, null)));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
