package dev.tablewright.app.diagram;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which edges are made nodes when zoomed in: those whose line crosses the screen, not every one whose two boxes surround it. */
class EdgeCullingTest {
    // The screen: x 0..100, y 0..50.

    @Test
    void aLineFromOneSideOfTheScreenToTheOtherCrossesIt() {
        assertTrue(DiagramCanvas.crosses(-500, 25, 600, 30, 0, 0, 100, 50));
        assertTrue(DiagramCanvas.crosses(50, -1000, 60, 1000, 0, 0, 100, 50), "top to bottom");
    }

    @Test
    void aLineWithAnEndOnScreenCrossesIt() {
        assertTrue(DiagramCanvas.crosses(50, 25, 5000, 9000, 0, 0, 100, 50));
    }

    @Test
    void aLongLineThatPassesBesideTheScreenDoesNotCrossIt() {
        // The rectangle around its ends holds the screen, the line itself misses it.
        assertFalse(DiagramCanvas.crosses(-1000, -200, 1000, 2000, 0, 0, 100, 50));
        assertFalse(DiagramCanvas.crosses(-100, 60, 300, 60, 0, 0, 100, 50), "a level line below the screen");
        assertFalse(DiagramCanvas.crosses(200, -100, 200, 100, 0, 0, 100, 50), "an upright line to its right");
    }
}
