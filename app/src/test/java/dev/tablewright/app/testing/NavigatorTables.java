package dev.tablewright.app.testing;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clicks a table in the navigator as a user does. The navigator lists names first and lays its
 * cells out again when the row counts arrive, so a cell's label looked up from the test thread
 * while that runs can be out of its scene by the time its position is read (a
 * NullPointerException inside TestFX's click, seen in CI). Here the pending FX work runs first,
 * and the label is found and its position read on the FX thread, where the tree cannot change
 * under it.
 */
public final class NavigatorTables {
    private NavigatorTables() {
    }

    public static void click(FxRobot robot, String table) {
        robot.clickOn(pointOf(robot, table));
    }

    public static void doubleClick(FxRobot robot, String table) {
        robot.doubleClickOn(pointOf(robot, table));
    }

    private static Point2D pointOf(FxRobot robot, String table) {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            Node label = robot.from(robot.lookup("#navigator").queryAll()).lookup(table).query();
            return robot.point(label).query();
        }));
    }
}
