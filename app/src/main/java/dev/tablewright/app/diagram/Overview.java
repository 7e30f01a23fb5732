package dev.tablewright.app.diagram;

import javafx.animation.PauseTransition;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Background;
import javafx.scene.layout.Border;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.transform.Scale;
import javafx.util.Duration;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A big schema seen from afar: every box and edge in view drawn on one {@link Canvas} the size of
 * the screen, in a few paths, with no node per table (decision 0046). It shows below the readable
 * zoom, where the boxes' text could not be read anyway; the table names come back once a box is
 * big enough for them. Its colours come from the theme through small styled regions that draw
 * nothing, so it follows the light and dark themes as the nodes do.
 */
final class Overview extends Pane {
    /** Names are drawn once a box's header is this many pixels high. */
    private static final double NAME_FROM = 8;
    private final Canvas canvas = new Canvas();
    private final Region boxPaint = probe("probe-box");
    private final Region headerPaint = probe("probe-header");
    private final Region edgePaint = probe("probe-edge");
    private DiagramGraph sized;
    private final Map<String, double[]> sizes = new HashMap<>();
    /** Pixels drawn beyond each edge of the screen, so that a pan shows what was drawn instead of drawing again. */
    private static final double MARGIN = 160;
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final PauseTransition sharpen = new PauseTransition(Duration.millis(150));
    private Runnable onRestyle = () -> { };
    private boolean blank = true;
    private boolean stale = true;
    private double drawnZ = 1;
    private double drawnTx;
    private double drawnTy;
    private double shownWidth = -1;
    private double shownHeight = -1;

    Overview() {
        getStyleClass().add("diagram-overview");
        setId("diagramOverview");
        setManaged(false);
        canvas.setManaged(false);
        canvas.getTransforms().add(zoom);
        getChildren().addAll(canvas, boxPaint, headerPaint, edgePaint);
        // A theme switch restyles the probes: the canvas must be drawn again in the new colours.
        boxPaint.backgroundProperty().addListener(o -> restyled());
        edgePaint.backgroundProperty().addListener(o -> restyled());
        sharpen.setOnFinished(e -> restyled());
    }

    private void restyled() {
        stale = true;
        onRestyle.run();
    }

    private static Region probe(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.setManaged(false);
        r.setMouseTransparent(true);
        r.resize(0, 0);
        return r;
    }

    void setOnRestyle(Runnable onRestyle) {
        this.onRestyle = onRestyle;
    }

    /** True when the canvas shows nothing (the tables are nodes at this zoom). */
    boolean isBlank() {
        return blank;
    }

    void clear() {
        if (!blank) {
            canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            blank = true;
        }
        stale = true;
    }

    /** The tables moved, the selection or the graph changed: the next {@link #draw} draws anew. */
    void invalidate() {
        stale = true;
    }

    /**
     * Shows the tables and edges that are on screen, the world scaled by {@code z} and moved by
     * ({@code tx}, {@code ty}) as the nodes would be. A pan, or a zoom by less than a quarter, only
     * moves and scales the picture drawn last (it covers {@value #MARGIN} pixels beyond each edge of
     * the screen), so a frame costs a copy rather than thousands of shapes; once a zoom rests, the
     * picture is drawn again sharp.
     */
    void draw(DiagramGraph graph, Map<String, Point> positions, Set<String> selected, DiagramGraph.Edge selectedEdge, double z, double tx, double ty) {
        double w = getWidth();
        double h = getHeight();
        if (!stale && !blank && w == shownWidth && h == shownHeight) {
            double a = z / drawnZ;
            double bx = tx - a * (drawnTx + MARGIN);
            double by = ty - a * (drawnTy + MARGIN);
            if (a >= 0.8 && a <= 1.25 && bx <= 0 && by <= 0 && bx + a * canvas.getWidth() >= w && by + a * canvas.getHeight() >= h) {
                place(a, bx, by);
                if (a != 1) {
                    sharpen.playFromStart();
                }
                return;
            }
        }
        sharpen.stop();
        shownWidth = w;
        shownHeight = h;
        drawnZ = z;
        drawnTx = tx;
        drawnTy = ty;
        stale = false;
        double cw = w + 2 * MARGIN;
        double ch = h + 2 * MARGIN;
        if (canvas.getWidth() != cw || canvas.getHeight() != ch) {
            canvas.setWidth(cw);
            canvas.setHeight(ch);
        }
        place(1, -MARGIN, -MARGIN);
        tx += MARGIN;
        ty += MARGIN;
        measure(graph);
        blank = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, cw, ch);
        Rectangle2D screen = new Rectangle2D(-2, -2, cw + 4, ch + 4);

        g.setStroke(fill(edgePaint, Color.gray(0.45)));
        g.setLineWidth(1);
        g.beginPath();
        for (DiagramGraph.Edge e : graph.edges()) {
            Rectangle2D c = onScreen(e.child(), positions, z, tx, ty);
            Rectangle2D p = onScreen(e.parent(), positions, z, tx, ty);
            if (c == null || p == null || e.child().equals(e.parent())) {
                continue;
            }
            Point2D cc = new Point2D(c.getMinX() + c.getWidth() / 2, c.getMinY() + c.getHeight() / 2);
            Point2D pc = new Point2D(p.getMinX() + p.getWidth() / 2, p.getMinY() + p.getHeight() / 2);
            if (!screen.intersects(Math.min(cc.getX(), pc.getX()), Math.min(cc.getY(), pc.getY()),
                    Math.abs(cc.getX() - pc.getX()) + 1, Math.abs(cc.getY() - pc.getY()) + 1)) {
                continue;
            }
            Point2D from = EdgeShape.border(c, cc, pc);
            Point2D to = EdgeShape.border(p, pc, cc);
            g.moveTo(from.getX(), from.getY());
            g.lineTo(to.getX(), to.getY());
        }
        g.stroke();
        if (selectedEdge != null) {
            Rectangle2D c = onScreen(selectedEdge.child(), positions, z, tx, ty);
            Rectangle2D p = onScreen(selectedEdge.parent(), positions, z, tx, ty);
            if (c != null && p != null) {
                double[] route = EdgeShape.route(c, p, selectedEdge.child().equals(selectedEdge.parent()));
                g.setStroke(border(edgePaint, Color.rgb(9, 105, 218)));
                g.setLineWidth(2.5);
                g.strokePolyline(xs(route), ys(route), route.length / 2);
                g.setLineWidth(1);
            }
        }

        int n = 0;
        Rectangle2D[] shown = new Rectangle2D[graph.tables().size()];
        String[] names = new String[shown.length];
        for (DiagramGraph.Table t : graph.tables()) {
            Rectangle2D r = onScreen(t.name(), positions, z, tx, ty);
            if (r != null && r.intersects(screen)) {
                shown[n] = r;
                names[n++] = t.name();
            }
        }
        double header = Math.max(1, NodeGeometry.HEADER * z);
        g.setFill(fill(boxPaint, Color.WHITE));
        g.beginPath();
        for (int i = 0; i < n; i++) {
            g.rect(shown[i].getMinX(), shown[i].getMinY(), shown[i].getWidth(), shown[i].getHeight());
        }
        g.fill();
        g.setFill(fill(headerPaint, Color.rgb(221, 235, 255)));
        g.beginPath();
        for (int i = 0; i < n; i++) {
            g.rect(shown[i].getMinX(), shown[i].getMinY(), shown[i].getWidth(), Math.min(header, shown[i].getHeight()));
        }
        g.fill();
        g.setStroke(border(boxPaint, Color.gray(0.8)));
        g.beginPath();
        for (int i = 0; i < n; i++) {
            g.rect(shown[i].getMinX() + 0.5, shown[i].getMinY() + 0.5, shown[i].getWidth(), shown[i].getHeight());
        }
        g.stroke();
        if (!selected.isEmpty()) {
            g.setStroke(border(edgePaint, Color.rgb(9, 105, 218)));
            g.setLineWidth(2);
            for (int i = 0; i < n; i++) {
                if (selected.contains(names[i])) {
                    g.strokeRect(shown[i].getMinX(), shown[i].getMinY(), shown[i].getWidth(), shown[i].getHeight());
                }
            }
        }
        if (header >= NAME_FROM) {
            g.setFill(border(headerPaint, Color.BLACK));
            g.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Math.min(13, header * 0.6)));
            g.setTextBaseline(VPos.CENTER);
            for (int i = 0; i < n; i++) {
                g.fillText(names[i], shown[i].getMinX() + 4, shown[i].getMinY() + header / 2, Math.max(1, shown[i].getWidth() - 8));
            }
        }
    }

    /** Scales the canvas by {@code a} from its top-left corner and puts that corner at ({@code x}, {@code y}). */
    private void place(double a, double x, double y) {
        zoom.setX(a);
        zoom.setY(a);
        canvas.setTranslateX(x);
        canvas.setTranslateY(y);
    }

    /** The sizes of the boxes, computed from their text once per graph rather than once per table and frame. */
    private void measure(DiagramGraph graph) {
        if (graph == sized) {
            return;
        }
        sizes.clear();
        for (DiagramGraph.Table t : graph.tables()) {
            sizes.put(t.name(), new double[] {NodeGeometry.width(t), NodeGeometry.height(t)});
        }
        sized = graph;
    }

    private Rectangle2D onScreen(String table, Map<String, Point> positions, double z, double tx, double ty) {
        Point p = positions.get(table);
        double[] size = sizes.get(table);
        if (p == null || size == null) {
            return null;
        }
        return new Rectangle2D(p.x() * z + tx, p.y() * z + ty, Math.max(1, size[0] * z), Math.max(1, size[1] * z));
    }

    private static Paint fill(Region probe, Color fallback) {
        Background b = probe.getBackground();
        return b == null || b.getFills().isEmpty() ? fallback : b.getFills().get(0).getFill();
    }

    private static Paint border(Region probe, Color fallback) {
        Border b = probe.getBorder();
        return b == null || b.getStrokes().isEmpty() ? fallback : b.getStrokes().get(0).getTopStroke();
    }

    private static double[] xs(double[] route) {
        double[] out = new double[route.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = route[2 * i];
        }
        return out;
    }

    private static double[] ys(double[] route) {
        double[] out = new double[route.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = route[2 * i + 1];
        }
        return out;
    }
}
