package dev.tablewright.app.diagram;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A small overview of a big diagram in the canvas's corner: every table as a dot-sized box and the
 * part on screen as a frame; a click or drag there moves the view to that place. The boxes are drawn
 * on one {@link Canvas} (no node per table) only when tables moved; a pan or zoom moves the frame alone.
 */
final class Minimap extends Pane {
    static final double WIDTH = 220;
    static final double HEIGHT = 150;
    private Rectangle2D world = new Rectangle2D(0, 0, 1, 1);
    private double scale = 1;
    private Consumer<Point2D> onJump = p -> { };
    private final Canvas boxes = new Canvas(WIDTH, HEIGHT);
    private final Rectangle frame = new Rectangle();
    private boolean stale = true;
    private boolean placed;
    private DiagramGraph drawn;

    Minimap() {
        setId("diagramMinimap");
        resize(WIDTH, HEIGHT);
        boxes.setManaged(false);
        frame.setManaged(false);
        frame.setMouseTransparent(true);
        frame.setFill(Color.TRANSPARENT);
        frame.setStroke(Color.rgb(240, 110, 40));
        frame.setStrokeWidth(1.5);
        getChildren().addAll(boxes, frame);
        setOnMousePressed(e -> jump(e.getX(), e.getY()));
        setOnMouseDragged(e -> jump(e.getX(), e.getY()));
    }

    void setOnJump(Consumer<Point2D> onJump) {
        this.onJump = onJump;
    }

    private void jump(double x, double y) {
        onJump.accept(new Point2D(world.getMinX() + x / scale, world.getMinY() + y / scale));
    }

    /** The tables moved: the next {@link #draw} draws their boxes again. */
    void invalidate() {
        stale = true;
    }

    /** Draws the tables (when they moved) and the frame of the part on screen ({@code visible}, in diagram units). */
    void draw(DiagramGraph graph, Map<String, Point> positions, Rectangle2D visible) {
        if (stale || graph != drawn) {
            drawBoxes(graph, positions);
            stale = false;
            drawn = graph;
        }
        double ox = 4;
        double oy = 4;
        // Cut to the minimap by hand rather than by a clip: a clipped node cost the software renderer
        // ~20 ms on every frame of a pan (docs/benchmarks.md).
        double left = Math.max(0.75, ox + (visible.getMinX() - world.getMinX()) * scale);
        double top = Math.max(0.75, oy + (visible.getMinY() - world.getMinY()) * scale);
        double right = Math.min(WIDTH - 0.75, ox + (visible.getMaxX() - world.getMinX()) * scale);
        double bottom = Math.min(HEIGHT - 0.75, oy + (visible.getMaxY() - world.getMinY()) * scale);
        frame.setX(left);
        frame.setY(top);
        frame.setWidth(Math.max(0, right - left));
        frame.setHeight(Math.max(0, bottom - top));
        frame.setVisible(placed);
    }

    private void drawBoxes(DiagramGraph graph, Map<String, Point> positions) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (DiagramGraph.Table t : graph.tables()) {
            Point p = positions.get(t.name());
            if (p != null) {
                minX = Math.min(minX, p.x());
                minY = Math.min(minY, p.y());
                maxX = Math.max(maxX, p.x() + NodeGeometry.width(t));
                maxY = Math.max(maxY, p.y() + NodeGeometry.height(t));
            }
        }
        GraphicsContext g = boxes.getGraphicsContext2D();
        // Colours that read on the light and the dark themes alike: the canvas cannot see the theme's CSS.
        g.clearRect(0, 0, WIDTH, HEIGHT);
        g.setFill(Color.rgb(128, 128, 128, 0.18));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setStroke(Color.rgb(128, 128, 128, 0.6));
        g.strokeRect(0.5, 0.5, WIDTH - 1, HEIGHT - 1);
        placed = minX != Double.MAX_VALUE;
        if (!placed) {
            return;
        }
        world = new Rectangle2D(minX, minY, Math.max(1, maxX - minX), Math.max(1, maxY - minY));
        scale = Math.min((WIDTH - 8) / world.getWidth(), (HEIGHT - 8) / world.getHeight());
        double ox = 4;
        double oy = 4;
        g.setFill(Color.rgb(56, 139, 253, 0.65));
        // One path for all the boxes: one fill costs less than thousands.
        g.beginPath();
        for (DiagramGraph.Table t : graph.tables()) {
            Point p = positions.get(t.name());
            if (p != null) {
                g.rect(ox + (p.x() - minX) * scale, oy + (p.y() - minY) * scale,
                        Math.max(1, NodeGeometry.width(t) * scale), Math.max(1, NodeGeometry.height(t) * scale));
            }
        }
        g.fill();
    }
}
