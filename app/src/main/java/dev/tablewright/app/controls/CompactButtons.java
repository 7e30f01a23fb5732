package dev.tablewright.app.controls;

import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * Buttons that keep their labels where there is room for them and show their icons only (each
 * keeps its tooltip) where there is not, rather than labels cut to "Ap…" or buttons pushed into
 * a "»" menu.
 */
public final class CompactButtons {
    /** Room kept per item beside its own width: the bar's gap between items, with a little to spare. */
    private static final double GAP = 8;

    private CompactButtons() {
    }

    /**
     * Watches {@code bar}'s width: narrower than {@code items} need with their labels, the
     * {@code labelled} among them show their icons only; wide enough again, their labels come back.
     */
    public static void whenNarrow(Region bar, List<? extends Node> items, List<? extends Labeled> labelled) {
        double[] full = {0};
        Runnable fit = () -> {
            // Measured only while the labels show: an icon-only button's width says nothing of its label.
            if (labelled.get(0).getContentDisplay() != ContentDisplay.GRAPHIC_ONLY) {
                double needed = bar.getInsets().getLeft() + bar.getInsets().getRight();
                for (Node n : items) {
                    needed += n.prefWidth(-1) + GAP;
                }
                full[0] = needed;
            }
            ContentDisplay shown = bar.getWidth() > 0 && bar.getWidth() < full[0] ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
            labelled.forEach(b -> b.setContentDisplay(shown));
        };
        bar.widthProperty().addListener((obs, old, width) -> fit.run());
        bar.sceneProperty().addListener((obs, old, scene) -> fit.run());
    }
}
