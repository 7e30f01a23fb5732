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
    private final Polyline hit = new Polyline();
    private final Path ends = new Path();
    private final Circle circle = new Circle(4);
    private final Label label = new Label();

    EdgeShape(DiagramGraph.Edge edge) {
        this.edge = edge;
        getStyleClass().add("diagram-edge");
        getStyleClass().add(edge.mandatory() ? "mandatory" : "optional");
        setId("edge-" + edge.id());
        line.getStyleClass().add("edge-line");
        hit.getStyleClass().add("edge-hit");
        ends.getStyleClass().add("edge-end");
        circle.getStyleClass().add("edge-end-circle");
        circle.setVisible(!edge.mandatory() && edge.kind() == DiagramGraph.Kind.ONE_TO_MANY);
        label.getStyleClass().add("edge-label");
        label.setText(edge.kind() == DiagramGraph.Kind.MANY_TO_MANY ? "many-to-many" : edge.label());
        label.setVisible(!label.getText().isEmpty());
        label.setMouseTransparent(true);
        getChildren().addAll(hit, line, ends, circle, label);
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
        Point2D childEnd;
        Point2D parentEnd;
        Point2D childOut;
        Point2D parentOut;
        if (edge.child().equals(edge.parent())) {
            double r = child.getMaxX();
            double top = child.getMinY() + NodeGeometry.HEADER + 6;
            parentEnd = new Point2D(r, top);
            childEnd = new Point2D(r, top + 34);
            setLine(parentEnd, new Point2D(r + 40, top), new Point2D(r + 40, top + 34), childEnd);
            childOut = new Point2D(1, 0);
            parentOut = new Point2D(1, 0);
            place(label, new Point2D(r + 44, top + 8));
        } else {
            Point2D cc = center(child);
            Point2D pc = center(parent);
            childEnd = border(child, cc, pc);
            parentEnd = border(parent, pc, cc);
            setLine(childEnd, parentEnd);
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

    private void setLine(Point2D... points) {
        line.getPoints().clear();
        for (Point2D p : points) {
            line.getPoints().addAll(p.getX(), p.getY());
        }
        hit.getPoints().setAll(line.getPoints());
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
        label.autosize();
        label.relocate(at.getX() - label.prefWidth(-1) / 2, at.getY() - label.prefHeight(-1) / 2);
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
