package dev.tablewright.app.diagram;

import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.Circle;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polyline;

/**
 * One relationship on the canvas: a line between the two boxes' borders, solid when mandatory
 * and dashed when optional, a crow's foot at the child (both ends for many-to-many), one bar and
 * a circle (optional) or two bars (mandatory) at the parent, and the role in the middle.
 */
final class EdgeShape extends Group {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final double FOOT = 12;
    private static final double SPREAD = 7;
    private final DiagramGraph.Edge edge;
    private final Polyline line = new Polyline();
    private final Path ends = new Path();
    private final Circle circle = new Circle(4);
    private final Label label = new Label();

    EdgeShape(DiagramGraph.Edge edge) {
        this.edge = edge;
        getStyleClass().add("diagram-edge");
        getStyleClass().add(edge.mandatory() ? "mandatory" : "optional");
        setId("edge-" + edge.id());
        line.getStyleClass().add("edge-line");
        ends.getStyleClass().add("edge-end");
        circle.getStyleClass().add("edge-end-circle");
        circle.setVisible(!edge.mandatory() && edge.kind() == DiagramGraph.Kind.ONE_TO_MANY);
        label.getStyleClass().add("edge-label");
        label.setText(edge.kind() == DiagramGraph.Kind.MANY_TO_MANY ? "many-to-many" : edge.label());
        label.setVisible(!label.getText().isEmpty());
        label.setMouseTransparent(true);
        // Centred on its point by its own size once laid out: asking for the size here would style each label at once.
        label.translateXProperty().bind(label.widthProperty().divide(-2));
        label.translateYProperty().bind(label.heightProperty().divide(-2));
        // The canvas finds the edge under the pointer by geometry, with a tolerance in screen pixels (DiagramCanvas.edgeAt).
        setMouseTransparent(true);
        getChildren().addAll(line, ends, circle, label);
    }

    DiagramGraph.Edge edge() {
        return edge;
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    /** Redraws between the child's and the parent's boxes (the same box for a table linked to itself). */
    void update(Rectangle2D child, Rectangle2D parent) {
        ends.getElements().clear();
        double[] route = route(child, parent, edge.child().equals(edge.parent()));
        line.getPoints().clear();
        for (double v : route) {
            line.getPoints().add(v);
        }
        int last = route.length - 2;
        Point2D parentEnd = new Point2D(route[0], route[1]);
        Point2D childEnd = new Point2D(route[last], route[last + 1]);
        Point2D childOut;
        Point2D parentOut;
        if (route.length > 4) {
            childOut = new Point2D(1, 0);
            parentOut = new Point2D(1, 0);
            place(label, new Point2D(parentEnd.getX() + 44, parentEnd.getY() + 8));
        } else {
            Point2D d = parentEnd.subtract(childEnd);
            double len = Math.max(1e-6, d.magnitude());
            childOut = d.multiply(1 / len);
            parentOut = childOut.multiply(-1);
            place(label, childEnd.midpoint(parentEnd));
        }
        crowsFoot(childEnd, childOut);
        if (edge.kind() == DiagramGraph.Kind.MANY_TO_MANY) {
            crowsFoot(parentEnd, parentOut);
        } else {
            bar(parentEnd, parentOut, 8);
            if (edge.mandatory()) {
                bar(parentEnd, parentOut, 14);
            } else {
                Point2D c = parentEnd.add(parentOut.multiply(18));
                circle.setCenterX(c.getX());
                circle.setCenterY(c.getY());
            }
        }
    }

    /**
     * The line an edge is drawn along, as x, y pairs from the parent's end to the child's: between the
     * two boxes' borders on the line joining their centres, or, for a table linked to itself, a loop out
     * of the box's right side. The canvas finds the edge under the pointer on this same line.
     */
    static double[] route(Rectangle2D child, Rectangle2D parent, boolean self) {
        if (self) {
            double r = child.getMaxX();
            double top = child.getMinY() + NodeGeometry.HEADER + 6;
            return new double[] {r, top, r + 40, top, r + 40, top + 34, r, top + 34};
        }
        Point2D cc = center(child);
        Point2D pc = center(parent);
        Point2D childEnd = border(child, cc, pc);
        Point2D parentEnd = border(parent, pc, cc);
        return new double[] {parentEnd.getX(), parentEnd.getY(), childEnd.getX(), childEnd.getY()};
    }

    /** How far the point (x, y) is from the route, in its units. */
    static double distance(double[] route, double x, double y) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i + 3 < route.length; i += 2) {
            double ax = route[i];
            double ay = route[i + 1];
            double dx = route[i + 2] - ax;
            double dy = route[i + 3] - ay;
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
            best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
        }
        return best;
    }

    private void crowsFoot(Point2D at, Point2D out) {
        Point2D perp = new Point2D(-out.getY(), out.getX());
        Point2D joint = at.add(out.multiply(FOOT));
        for (int side = -1; side <= 1; side++) {
            Point2D toe = at.add(perp.multiply(side * SPREAD));
            ends.getElements().addAll(new MoveTo(toe.getX(), toe.getY()), new LineTo(joint.getX(), joint.getY()));
        }
    }

    private void bar(Point2D at, Point2D out, double distance) {
        Point2D perp = new Point2D(-out.getY(), out.getX());
        Point2D c = at.add(out.multiply(distance));
        Point2D a = c.add(perp.multiply(SPREAD));
        Point2D b = c.subtract(perp.multiply(SPREAD));
        ends.getElements().addAll(new MoveTo(a.getX(), a.getY()), new LineTo(b.getX(), b.getY()));
    }

    private static void place(Label label, Point2D at) {
        label.setLayoutX(at.getX());
        label.setLayoutY(at.getY());
    }

    private static Point2D center(Rectangle2D r) {
        return new Point2D(r.getMinX() + r.getWidth() / 2, r.getMinY() + r.getHeight() / 2);
    }

    /** Where the line from the box's centre towards {@code to} leaves the box. */
    static Point2D border(Rectangle2D box, Point2D from, Point2D to) {
        double dx = to.getX() - from.getX();
        double dy = to.getY() - from.getY();
        if (Math.abs(dx) < 1e-9 && Math.abs(dy) < 1e-9) {
            return from;
        }
        double tx = Math.abs(dx) < 1e-9 ? Double.MAX_VALUE : (box.getWidth() / 2) / Math.abs(dx);
        double ty = Math.abs(dy) < 1e-9 ? Double.MAX_VALUE : (box.getHeight() / 2) / Math.abs(dy);
        double t = Math.min(tx, ty);
        return new Point2D(from.getX() + dx * t, from.getY() + dy * t);
    }
}
