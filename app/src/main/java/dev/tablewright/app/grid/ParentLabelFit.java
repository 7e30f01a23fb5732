package dev.tablewright.app.grid;

import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A foreign-key cell shows its key, then the parent's label as its graphic. A Labeled lays its
 * graphic out at its preferred width whatever the room, so a long label (an album's title in a
 * narrow column) pushed the key out and was cut at its start. The label's preferred width is
 * narrowed to the room the key leaves, so it ends in an ellipsis and the key stays readable.
 */
final class ParentLabelFit {
    /** One probe for measuring, used on the FX thread only. */
    private static final Text PROBE = new Text();

    private ParentLabelFit() {
    }

    static void fit(Labeled cell, Label label) {
        double room = cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset() - width(cell.getText(), cell.getFont())
                - cell.getGraphicTextGap();
        double natural = width(label.getText(), label.getFont()) + label.snappedLeftInset() + label.snappedRightInset() + 1;
        double wanted = natural <= room ? Region.USE_COMPUTED_SIZE : Math.max(0, Math.floor(room));
        if (label.getPrefWidth() != wanted) {
            label.setPrefWidth(wanted);
        }
    }

    private static double width(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        PROBE.setText(text);
        PROBE.setFont(font);
        return Math.ceil(PROBE.getLayoutBounds().getWidth());
    }
}
