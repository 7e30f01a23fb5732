package dev.tablewright.app.diagram;

/**
 * The size of a table's box, computed from its text alone so that the layout (off the FX thread)
 * and the canvas agree on it without measuring a node.
 */
public final class NodeGeometry {
    public static final double HEADER = 28;
    public static final double ROW = 20;
    public static final double PADDING = 6;
    public static final double MIN_WIDTH = 150;
    public static final double MAX_WIDTH = 320;
    /** Wide enough for an average character of the UI font in bold; longer names are cut with an ellipsis. */
    private static final double CHAR = 7.8;

    private NodeGeometry() {
    }

    public static double width(DiagramGraph.Table table) {
        // The header holds the name and an icon, or a junction's "hidden" badge.
        double widest = table.name().length() * CHAR + (table.junction() ? 96 : 48);
        for (DiagramGraph.Field f : table.fields()) {
            widest = Math.max(widest, (f.name().length() + f.type().length()) * CHAR + 64);
        }
        return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(widest)));
    }

    public static double height(DiagramGraph.Table table) {
        return HEADER + table.fields().size() * ROW + PADDING;
    }
}
