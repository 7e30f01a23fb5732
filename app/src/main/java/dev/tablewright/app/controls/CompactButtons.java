package dev.tablewright.app.controls;

import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

import java.util.List;

/**
 * Buttons that keep their labels where there is room for them and show their icons only (each
 * keeps its tooltip) where there is not, rather than labels cut to "Ap…" or buttons pushed into
 * a "»" menu.
 */
public final class CompactButtons {
    /** Room kept per item beside its own width: the bar's gap between items, with a little to spare. */
    private static final double GAP = 8;
    private static final double SPARE = 12;

    private CompactButtons() {
    }

    /**
     * Watches {@code bar}'s width: narrower than {@code items} need with their labels, the
     * {@code labelled} among them show their icons only; wide enough again, their labels come back.
     */
    public static void whenNarrow(Region bar, List<? extends Node> items, List<? extends Labeled> labelled) {
        Runnable fit = () -> {
            boolean compact = labelled.get(0).getContentDisplay() == ContentDisplay.GRAPHIC_ONLY;
            // Labels come back only with room to spare: a label measured on its own can be a pixel
            // off the button's own measure, and the bar must not flip between the two.
            double needed = withLabels(bar, items, labelled) + (compact ? SPARE : 0);
            ContentDisplay shown = bar.getWidth() > 0 && bar.getWidth() < needed ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
            labelled.forEach(b -> b.setContentDisplay(shown));
        };
        bar.widthProperty().addListener((obs, old, width) -> fit.run());
        bar.sceneProperty().addListener((obs, old, scene) -> fit.run());
        // A button's width is known only once its style is applied, which can come after the bar's width.
        items.forEach(n -> n.layoutBoundsProperty().addListener((obs, old, bounds) -> fit.run()));
    }

    /**
     * The width the items need with their labels, whichever way they show now: an icon-only
     * button is counted with its label's width added, so the answer never depends on the state.
     */
    private static double withLabels(Region bar, List<? extends Node> items, List<? extends Labeled> labelled) {
        double needed = bar.getInsets().getLeft() + bar.getInsets().getRight();
        for (Node n : items) {
            needed += n.prefWidth(-1) + GAP;
        }
        for (Labeled b : labelled) {
            if (b.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY && b.getText() != null) {
                Text text = new Text(b.getText());
                text.setFont(b.getFont());
                needed += text.getLayoutBounds().getWidth() + b.getGraphicTextGap();
            }
        }
        return needed;
    }
}
