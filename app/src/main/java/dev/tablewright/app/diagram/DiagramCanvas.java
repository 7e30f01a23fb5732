package dev.tablewright.app.diagram;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.BoundingBox;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The diagram's drawing surface: tables as boxes and relationships as edges in a world that is
 * zoomed (wheel, around the pointer) and panned (drag on the background). Dragging a box moves
 * it with the other selected boxes; dragging a box's link handle onto another box asks for a
 * relationship from the first (child) to the second (parent). All state it shows lives in the
 * {@link DiagramViewModel}; this class only draws it and forwards gestures.
 *
 * <p>It draws only what is on screen (decision 0046): at a readable zoom, a node for each table and
 * edge in view, made when it comes into view and kept for reuse when it leaves; below that zoom on a
 * big schema, every box and edge on one {@link Canvas} ({@link Overview}) and no node at all.
 * Gestures find their table by geometry, so they work the same whichever way the table is drawn.
 */
final class DiagramCanvas extends Region {
    static final double MIN_ZOOM = 0.05;
    static final double MAX_ZOOM = 3;
    /** Below this zoom a box's text is too small to read, so a big schema is drawn on the canvas instead of as nodes. */
    static final double READABLE_ZOOM = 0.5;
    /** Schemas this small keep a node per table at every zoom: they cost little, and edges stay clickable in the overview. */
    static final int ALL_NODES_UP_TO = 100;
    /** Boxes and edges kept for reuse after they leave the screen, beyond those on it. */
    private static final int KEPT = 300;
    /** Nodes are made this far (diagram units) beyond the edge of the screen, so a slow pan finds them ready. */
    private static final double AHEAD = 150;
    private static final double MAX_PICTURE = 8000;
    /** Room around the tables in a picture drawn as the overview: for self-links' loops beside their boxes. */
    private static final double PICTURE_PAD = 80;
    private static final double FIT_MARGIN = 24;
    /** How near an edge's line (in screen pixels) a click selects it: the line itself is 1.4 pixels at 100 %. */
    static final double EDGE_HIT = 6;
    /** The minimap shows on schemas of this many tables or more: smaller ones fit on screen. */
    static final int MINIMAP_FROM = 40;
    private final DiagramViewModel viewModel;
    private final Overview overview = new Overview();
    private final Pane world = new Pane();
    private final Group edgeLayer = new Group();
    private final Group boxLayer = new Group();
    private final Line rubberBand = new Line();
    private final Scale scale = new Scale(1, 1, 0, 0);
    /** Boxes made so far, the least recently shown first; those on screen are also in {@link #boxLayer}. */
    private final Map<String, TableBox> boxes = new LinkedHashMap<>(64, 0.75f, true);
    /** Edge shapes made so far, by edge id, the least recently shown first. */
    private final Map<String, EdgeShape> shapes = new LinkedHashMap<>(64, 0.75f, true);
    private final Minimap minimap = new Minimap();
    private boolean minimapDue;
    private DiagramGraph graph = DiagramGraph.empty();
    /**
     * Each table's box (left, top, width, height; NaN while it has no place) by its index in the graph,
     * kept as the positions change: the boxes and edges in view are looked for on every frame, and a
     * loop over plain numbers costs far less than thousands of map look-ups.
     */
    private double[] boxX = new double[0];
    private double[] boxY = new double[0];
    private double[] boxW = new double[0];
    private double[] boxH = new double[0];
    private final Map<String, Integer> indexOf = new HashMap<>();
    private int[] edgeChild = new int[0];
    private int[] edgeParent = new int[0];
    /** Each edge's id, made once: {@link DiagramGraph.Edge#id} builds a new string on every call. */
    private String[] edgeIds = new String[0];
    private final Map<String, List<DiagramGraph.Edge>> edgesOf = new HashMap<>();
    /** Every node in the world, whatever is on screen: while a picture of the whole diagram is taken. */
    private boolean everything;
    private final ChangeListener<DiagramGraph> graphListener = (obs, old, graph) -> rebuild(graph);
    private final MapChangeListener<String, Point> positionListener = change -> {
        if (change.wasAdded()) {
            placed(change.getKey());
        }
    };
    private final SetChangeListener<String> selectionListener = change -> {
        String t = change.wasAdded() ? change.getElementAdded() : change.getElementRemoved();
        TableBox box = boxes.get(t);
        if (box != null) {
            box.setSelected(change.wasAdded());
        }
        overview.invalidate();
        viewChanged();
    };
    private BiConsumer<String, String> onLink = (child, parent) -> { };
    private Consumer<DiagramGraph.Edge> onEdgeSelected = edge -> { };
    private Consumer<String> onOpenTable = table -> { };
    private DiagramGraph.Edge selectedEdge;
    private double pressX;
    private double pressY;
    private boolean dragged;
    /** The table the primary button went down on, which a drag moves; null when it went down on the background. */
    private String pressedTable;
    private String linkTarget;

    DiagramCanvas(DiagramViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("diagram-canvas");
        setId("diagramCanvas");
        world.getTransforms().add(scale);
        world.setManaged(false);
        rubberBand.getStyleClass().add("diagram-rubber-band");
        rubberBand.setVisible(false);
        rubberBand.setMouseTransparent(true);
        world.getChildren().addAll(edgeLayer, boxLayer, rubberBand);
        minimap.setManaged(false);
        minimap.setVisible(false);
        minimap.setOnJump(p -> centreOn(p.getX(), p.getY()));
        overview.setOnRestyle(this::viewChanged);
        getChildren().addAll(overview, world, minimap);
        world.translateXProperty().addListener(o -> viewChanged());
        world.translateYProperty().addListener(o -> viewChanged());
        scale.xProperty().addListener(o -> viewChanged());
        widthProperty().addListener(o -> viewChanged());
        heightProperty().addListener(o -> viewChanged());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        viewModel.graphProperty().addListener(graphListener);
        viewModel.positions().addListener(positionListener);
        viewModel.selected().addListener(selectionListener);
        rebuild(viewModel.graphProperty().get());

        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::mouseDragged);
        setOnMouseReleased(this::released);
        setOnMouseClicked(this::clicked);
        setOnScroll(this::scrolled);
        setFocusTraversable(true);
    }

    /** Stops listening to the ViewModel: the tab closed. */
    void dispose() {
        viewModel.graphProperty().removeListener(graphListener);
        viewModel.positions().removeListener(positionListener);
        viewModel.selected().removeListener(selectionListener);
    }

    void setOnLink(BiConsumer<String, String> onLink) {
        this.onLink = onLink;
    }

    void setOnEdgeSelected(Consumer<DiagramGraph.Edge> onEdgeSelected) {
        this.onEdgeSelected = onEdgeSelected;
    }

    void setOnOpenTable(Consumer<String> onOpenTable) {
        this.onOpenTable = onOpenTable;
    }

    double zoom() {
        return scale.getX();
    }

    /** The table's box if it is on screen as a node, else null. */
    TableBox box(String table) {
        TableBox box = boxes.get(table);
        return box != null && box.getParent() == boxLayer ? box : null;
    }

    /** The table boxes now in the scene. */
    List<TableBox> shownBoxes() {
        List<TableBox> out = new ArrayList<>();
        boxLayer.getChildren().forEach(n -> out.add((TableBox) n));
        return out;
    }

    /** How many table boxes have been made and are kept, in the scene or not. */
    int madeBoxes() {
        return boxes.size();
    }

    /** The edges now drawn as nodes, in the graph's order. */
    List<EdgeShape> edges() {
        List<EdgeShape> out = new ArrayList<>();
        for (DiagramGraph.Edge e : graph.edges()) {
            EdgeShape shape = shapes.get(e.id());
            if (shape != null && shape.getParent() == edgeLayer) {
                out.add(shape);
            }
        }
        return out;
    }

    /** True when tables are drawn as nodes at this zoom, false when the canvas draws them. */
    boolean showsNodes() {
        return everything || graph.tables().size() <= ALL_NODES_UP_TO || zoom() >= READABLE_ZOOM;
    }

    // --- building ---

    private void rebuild(DiagramGraph graph) {
        this.graph = graph;
        int n = graph.tables().size();
        boxX = new double[n];
        boxY = new double[n];
        boxW = new double[n];
        boxH = new double[n];
        indexOf.clear();
        for (int i = 0; i < n; i++) {
            DiagramGraph.Table t = graph.tables().get(i);
            indexOf.put(t.name(), i);
            boxW[i] = NodeGeometry.width(t);
            boxH[i] = NodeGeometry.height(t);
            Point p = viewModel.positions().get(t.name());
            boxX[i] = p == null ? Double.NaN : p.x();
            boxY[i] = p == null ? Double.NaN : p.y();
        }
        edgeChild = new int[graph.edges().size()];
        edgeParent = new int[graph.edges().size()];
        edgeIds = new String[graph.edges().size()];
        for (int i = 0; i < graph.edges().size(); i++) {
            edgeIds[i] = graph.edges().get(i).id();
            edgeChild[i] = indexOf.getOrDefault(graph.edges().get(i).child(), -1);
            edgeParent[i] = indexOf.getOrDefault(graph.edges().get(i).parent(), -1);
        }
        boxLayer.getChildren().clear();
        edgeLayer.getChildren().clear();
        boxes.clear();
        shapes.clear();
        edgesOf.clear();
        for (DiagramGraph.Edge e : graph.edges()) {
            edgesOf.computeIfAbsent(e.child(), k -> new ArrayList<>()).add(e);
            if (!e.parent().equals(e.child())) {
                edgesOf.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(e);
            }
        }
        if (selectedEdge != null && !graph.edges().contains(selectedEdge)) {
            // Gone (removed, or a many-to-many unfolded into its junction): nothing is left to remove.
            selectedEdge = null;
            onEdgeSelected.accept(null);
        }
        minimap.setVisible(graph.tables().size() >= MINIMAP_FROM);
        overview.invalidate();
        minimap.invalidate();
        // At once rather than at the next layout: whoever changed the graph may look for its nodes right away.
        showWhatIsInView();
        viewChanged();
    }

    /** Something on screen changed: the nodes and the canvas follow in this pulse's layout, once however many changes came. */
    private void viewChanged() {
        setNeedsLayout(true);
        redrawMinimap();
    }

    @Override
    protected void layoutChildren() {
        // The world is positioned by pan and zoom alone, never by the region's layout; the minimap sits in the corner.
        minimap.relocate(getWidth() - Minimap.WIDTH - 12, getHeight() - Minimap.HEIGHT - 12);
        showWhatIsInView();
    }

    /** Puts in the world the nodes of what is in view (or of nothing, below the readable zoom) and redraws the canvas. */
    private void showWhatIsInView() {
        Rectangle2D view = visibleWorld();
        boolean nodes = showsNodes();
        boolean all = everything || graph.tables().size() <= ALL_NODES_UP_TO;
        Rectangle2D near = new Rectangle2D(view.getMinX() - AHEAD, view.getMinY() - AHEAD,
                view.getWidth() + 2 * AHEAD, view.getHeight() + 2 * AHEAD);
        Set<Node> wantedBoxes = new LinkedHashSet<>();
        Set<Node> wantedEdges = new LinkedHashSet<>();
        if (nodes) {
            double left = near.getMinX();
            double top = near.getMinY();
            double right = near.getMaxX();
            double bottom = near.getMaxY();
            for (int i = 0; i < boxX.length; i++) {
                // NaN (no place yet) fails every comparison, so an unplaced table is never wanted.
                if (boxX[i] == boxX[i] && (all || boxX[i] < right && boxX[i] + boxW[i] > left && boxY[i] < bottom && boxY[i] + boxH[i] > top)) {
                    wantedBoxes.add(boxFor(graph.tables().get(i)));
                }
            }
            for (int i = 0; i < edgeChild.length; i++) {
                int c = edgeChild[i];
                int p = edgeParent[i];
                if (c < 0 || p < 0 || boxX[c] != boxX[c] || boxX[p] != boxX[p]) {
                    continue;
                }
                boolean inView;
                if (c == p) {
                    // The box, and room for the loop and its label beside it.
                    inView = boxX[c] < right && boxX[c] + boxW[c] + 160 > left && boxY[c] < bottom && boxY[c] + boxH[c] > top;
                } else {
                    // The line runs between the boxes' centres (its ends and label lie on it, well within the margin):
                    // testing that segment, not the rectangle around both boxes, keeps the long edges of a big
                    // schema out of the scene unless they cross the screen.
                    inView = crosses(boxX[c] + boxW[c] / 2, boxY[c] + boxH[c] / 2, boxX[p] + boxW[p] / 2, boxY[p] + boxH[p] / 2,
                            left, top, right, bottom);
                }
                if (all || inView) {
                    wantedEdges.add(shapeFor(graph.edges().get(i), edgeIds[i]));
                }
            }
        }
        // A node coming back may have missed moves and selections made while it was away.
        for (Node n : sync(boxLayer, wantedBoxes)) {
            TableBox box = (TableBox) n;
            Point p = viewModel.positions().get(box.table().name());
            box.relocate(p.x(), p.y());
            box.setSelected(viewModel.selected().contains(box.table().name()));
        }
        for (Node n : sync(edgeLayer, wantedEdges)) {
            EdgeShape shape = (EdgeShape) n;
            shape.setSelected(shape.edge().equals(selectedEdge));
            redraw(shape);
        }
        trim(boxes, wantedBoxes.size() + KEPT);
        trim(shapes, wantedEdges.size() + KEPT);
        overview.resize(getWidth(), getHeight());
        if (nodes) {
            overview.clear();
        } else {
            overview.draw(graph, viewModel.positions(), viewModel.selected(), selectedEdge, zoom(), world.getTranslateX(), world.getTranslateY());
        }
    }

    /**
     * Makes the layer's children exactly {@code wanted}; returns the ones that came in, styled at once
     * so that this frame shows them right.
     */
    private static List<Node> sync(Group layer, Set<Node> wanted) {
        List<Node> children = layer.getChildren();
        if (children.size() == wanted.size() && wanted.containsAll(children)) {
            return List.of();
        }
        Set<Node> present = Set.copyOf(children);
        children.retainAll(wanted);
        List<Node> added = new ArrayList<>();
        for (Node n : wanted) {
            if (!present.contains(n)) {
                added.add(n);
            }
        }
        children.addAll(added);
        added.forEach(Node::applyCss);
        return added;
    }

    /** Forgets the least recently shown nodes that are not on screen, beyond {@code keep}. */
    private static <N extends Node> void trim(Map<String, N> made, int keep) {
        var it = made.values().iterator();
        while (made.size() > keep && it.hasNext()) {
            if (it.next().getParent() == null) {
                it.remove();
            }
        }
    }

    private TableBox boxFor(DiagramGraph.Table t) {
        TableBox box = boxes.get(t.name());
        if (box == null) {
            box = new TableBox(t);
            wireLinkHandle(box);
            boxes.put(t.name(), box);
        }
        return box;
    }

    /** Whether the segment from (x0, y0) to (x1, y1) passes through the rectangle (Liang–Barsky clipping). */
    static boolean crosses(double x0, double y0, double x1, double y1, double left, double top, double right, double bottom) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - left, right - x0, y0 - top, bottom - y0};
        double enter = 0;
        double leave = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double r = q[i] / p[i];
                if (p[i] < 0) {
                    enter = Math.max(enter, r);
                } else {
                    leave = Math.min(leave, r);
                }
                if (enter > leave) {
                    return false;
                }
            }
        }
        return true;
    }

    private EdgeShape shapeFor(DiagramGraph.Edge e, String id) {
        EdgeShape shape = shapes.get(id);
        if (shape == null) {
            shape = new EdgeShape(e);
            shapes.put(id, shape);
        }
        return shape;
    }

    /**
     * The edge whose line passes within {@value #EDGE_HIT} screen pixels of a diagram point, the
     * nearest when several do; null when none does. Found by geometry, like tables, so a thin line is
     * as easy to hit at every zoom, and from afar where edges are not nodes.
     */
    DiagramGraph.Edge edgeAt(Point2D at) {
        double tolerance = EDGE_HIT / zoom();
        double x = at.getX();
        double y = at.getY();
        DiagramGraph.Edge best = null;
        double nearest = tolerance;
        for (int i = 0; i < edgeChild.length; i++) {
            int c = edgeChild[i];
            int p = edgeParent[i];
            if (c < 0 || p < 0 || boxX[c] != boxX[c] || boxX[p] != boxX[p]) {
                continue;
            }
            // Cheap test first: the point lies in the rectangle around both boxes (and a self-link's loop).
            double left = Math.min(boxX[c], boxX[p]) - tolerance;
            double right = Math.max(boxX[c] + boxW[c], boxX[p] + boxW[p]) + (c == p ? 40 : 0) + tolerance;
            double top = Math.min(boxY[c], boxY[p]) - tolerance;
            double bottom = Math.max(boxY[c] + boxH[c], boxY[p] + boxH[p]) + tolerance;
            if (x < left || x > right || y < top || y > bottom) {
                continue;
            }
            double[] route = EdgeShape.route(new Rectangle2D(boxX[c], boxY[c], boxW[c], boxH[c]),
                    new Rectangle2D(boxX[p], boxY[p], boxW[p], boxH[p]), c == p);
            double d = EdgeShape.distance(route, x, y);
            if (d <= nearest) {
                nearest = d;
                best = graph.edges().get(i);
            }
        }
        return best;
    }

    private void selectEdge(DiagramGraph.Edge edge) {
        if (selectedEdge != null) {
            markEdge(selectedEdge, false);
        }
        // The overview draws the selected edge: drawn again only when it changed, not on every press that starts a pan.
        if (!Objects.equals(edge, selectedEdge)) {
            overview.invalidate();
            viewChanged();
        }
        selectedEdge = edge;
        if (edge != null) {
            markEdge(edge, true);
        }
        viewModel.select(null);
        onEdgeSelected.accept(edge);
        requestFocus();
    }

    private void markEdge(DiagramGraph.Edge edge, boolean selected) {
        EdgeShape shape = shapes.get(edge.id());
        if (shape != null) {
            shape.setSelected(selected);
        }
    }

    /** Redraws the minimap once, after the changes of this pulse. */
    private void redrawMinimap() {
        if (minimapDue || !minimap.isVisible()) {
            return;
        }
        minimapDue = true;
        Platform.runLater(() -> {
            minimapDue = false;
            minimap.draw(graph, viewModel.positions(), visibleWorld());
        });
    }

    /** The part of the diagram on screen, in diagram units. */
    private Rectangle2D visibleWorld() {
        double z = zoom();
        return new Rectangle2D(-world.getTranslateX() / z, -world.getTranslateY() / z, Math.max(1, getWidth() / z), Math.max(1, getHeight() / z));
    }

    private void placed(String table) {
        overview.invalidate();
        minimap.invalidate();
        Integer i = indexOf.get(table);
        Point at = viewModel.positions().get(table);
        if (i != null && at != null) {
            boxX[i] = at.x();
            boxY[i] = at.y();
        }
        TableBox box = box(table);
        Point p = viewModel.positions().get(table);
        if (box != null && p != null) {
            box.relocate(p.x(), p.y());
        }
        for (DiagramGraph.Edge e : edgesOf.getOrDefault(table, List.of())) {
            EdgeShape shape = shapes.get(e.id());
            if (shape != null && shape.getParent() == edgeLayer) {
                redraw(shape);
            }
        }
        viewChanged();
    }

    private void redraw(EdgeShape shape) {
        Rectangle2D child = rect(shape.edge().child());
        Rectangle2D parent = rect(shape.edge().parent());
        if (child != null && parent != null) {
            shape.update(child, parent);
        }
    }

    /** Where the table's box is, in diagram units; null for a table not in the graph or not placed yet. */
    Rectangle2D rect(String table) {
        Integer i = indexOf.get(table);
        if (i == null || boxX[i] != boxX[i]) {
            return null;
        }
        return new Rectangle2D(boxX[i], boxY[i], boxW[i], boxH[i]);
    }

    /** The table under a diagram point, the last drawn (topmost) when boxes overlap. */
    String tableAt(Point2D at) {
        List<DiagramGraph.Table> all = graph.tables();
        for (int i = all.size() - 1; i >= 0; i--) {
            Rectangle2D r = rect(all.get(i).name());
            if (r != null && r.contains(at)) {
                return all.get(i).name();
            }
        }
        return null;
    }

    private Point2D toWorld(MouseEvent e) {
        return world.sceneToLocal(e.getSceneX(), e.getSceneY());
    }

    /** The diagram point under a point of the canvas (its own coordinates). */
    Point2D toWorld(double x, double y) {
        double z = zoom();
        return new Point2D((x - world.getTranslateX()) / z, (y - world.getTranslateY()) / z);
    }

    /** The diagram point in the middle of the canvas. */
    Point2D centreOfView() {
        return toWorld(getWidth() / 2, getHeight() / 2);
    }

    /** Selects the edge (null: none), as a click on it does. */
    void selectEdgeAt(DiagramGraph.Edge edge) {
        selectEdge(edge);
    }

    // --- gestures ---

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = e.getSceneX();
        pressY = e.getSceneY();
        dragged = false;
        pressedTable = e.getButton() == MouseButton.PRIMARY ? tableAt(toWorld(e)) : null;
        if (pressedTable != null) {
            if (e.isShortcutDown() || e.isShiftDown()) {
                viewModel.toggleSelected(pressedTable);
            } else if (!viewModel.selected().contains(pressedTable)) {
                viewModel.select(pressedTable);
            }
            // Not selectEdge(null): that also empties the table selection, undoing a Ctrl+click.
            if (selectedEdge != null) {
                markEdge(selectedEdge, false);
                selectedEdge = null;
                overview.invalidate();
                onEdgeSelected.accept(null);
            }
            if (!viewModel.selected().contains(pressedTable)) {
                viewModel.selected().add(pressedTable);
            }
        } else if (e.getButton() == MouseButton.PRIMARY && !e.isShortcutDown()) {
            viewModel.select(null);
            selectEdge(edgeAt(toWorld(e)));
        }
        e.consume();
    }

    private void mouseDragged(MouseEvent e) {
        double dx = e.getSceneX() - pressX;
        double dy = e.getSceneY() - pressY;
        pressX = e.getSceneX();
        pressY = e.getSceneY();
        if (pressedTable != null) {
            viewModel.move(Set.copyOf(viewModel.selected()), dx / zoom(), dy / zoom());
            dragged = true;
        } else {
            panBy(dx, dy);
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        if (pressedTable != null && dragged) {
            viewModel.moved();
        }
        pressedTable = null;
        dragged = false;
        e.consume();
    }

    /** A double-click opens a table in the designer, folds an unfolded junction away, or unfolds a many-to-many edge's junction. */
    private void clicked(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            Point2D at = toWorld(e);
            String table = tableAt(at);
            DiagramGraph.Edge edge = table == null ? edgeAt(at) : null;
            if (table != null && graph.byName().get(table).junction()) {
                viewModel.foldJunction(table);
            } else if (table != null) {
                onOpenTable.accept(table);
            } else if (edge != null && edge.kind() == DiagramGraph.Kind.MANY_TO_MANY) {
                viewModel.expandJunction(edge.field());
            }
        }
        e.consume();
    }

    void openTable(String table) {
        onOpenTable.accept(table);
    }

    /** The link handle of a box: a drag from it onto another table proposes a relationship. */
    private void wireLinkHandle(TableBox box) {
        String name = box.table().name();
        Node handle = box.linkHandle();
        handle.setOnMousePressed(e -> {
            Point2D at = toWorld(e);
            rubberBand.setStartX(at.getX());
            rubberBand.setStartY(at.getY());
            rubberBand.setEndX(at.getX());
            rubberBand.setEndY(at.getY());
            rubberBand.setVisible(true);
            e.consume();
        });
        handle.setOnMouseDragged(e -> {
            Point2D at = toWorld(e);
            rubberBand.setEndX(at.getX());
            rubberBand.setEndY(at.getY());
            String over = tableAt(at);
            if (!Objects.equals(over, linkTarget)) {
                markLinkTarget(linkTarget, false);
                linkTarget = over;
                markLinkTarget(over, true);
            }
            e.consume();
        });
        handle.setOnMouseReleased(e -> {
            rubberBand.setVisible(false);
            markLinkTarget(linkTarget, false);
            linkTarget = null;
            String target = tableAt(toWorld(e));
            if (target != null) {
                onLink.accept(name, target);
            }
            e.consume();
        });
        handle.setOnMouseClicked(MouseEvent::consume);
    }

    private void markLinkTarget(String table, boolean target) {
        TableBox box = table == null ? null : box(table);
        if (box != null) {
            box.setLinkTarget(target);
        }
    }

    void panBy(double dx, double dy) {
        world.setTranslateX(world.getTranslateX() + dx);
        world.setTranslateY(world.getTranslateY() + dy);
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        zoomAt(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
        e.consume();
    }

    /** Zooms by {@code factor}, keeping the canvas point (x, y) where it is. */
    void zoomAt(double factor, double x, double y) {
        double old = zoom();
        double next = Math.max(Math.min(MIN_ZOOM, fittedZoom()), Math.min(MAX_ZOOM, old * factor));
        double wx = (x - world.getTranslateX()) / old;
        double wy = (y - world.getTranslateY()) / old;
        scale.setX(next);
        scale.setY(next);
        world.setTranslateX(x - wx * next);
        world.setTranslateY(y - wy * next);
    }

    void zoomBy(double factor) {
        zoomAt(factor, getWidth() / 2, getHeight() / 2);
    }

    /**
     * Zoom and pan so that every table is in view (never closer than 100 %). A schema thousands of
     * tables deep may need less than {@value #MIN_ZOOM}: it gets it, the canvas draws its boxes as dots.
     */
    void fit() {
        Rectangle2D all = extent();
        if (all == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double z = fittedZoom();
        scale.setX(z);
        scale.setY(z);
        world.setTranslateX((getWidth() - all.getWidth() * z) / 2 - all.getMinX() * z);
        world.setTranslateY(FIT_MARGIN - all.getMinY() * z);
    }

    /** The zoom at which every table is in view, at most 100 %; 1 when nothing is placed. */
    private double fittedZoom() {
        Rectangle2D all = extent();
        if (all == null || getWidth() <= 0 || getHeight() <= 0) {
            return 1;
        }
        return Math.min(1, Math.min((getWidth() - 2 * FIT_MARGIN) / (all.getWidth() + 60), (getHeight() - 2 * FIT_MARGIN) / all.getHeight()));
    }

    /** The smallest rectangle around every placed table, or null when none is placed. */
    private Rectangle2D extent() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (DiagramGraph.Table t : graph.tables()) {
            Rectangle2D r = rect(t.name());
            if (r != null) {
                minX = Math.min(minX, r.getMinX());
                minY = Math.min(minY, r.getMinY());
                maxX = Math.max(maxX, r.getMaxX());
                maxY = Math.max(maxY, r.getMaxY());
            }
        }
        return minX == Double.MAX_VALUE ? null : new Rectangle2D(minX, minY, maxX - minX, maxY - minY);
    }

    /** Pans so that the table's box is in the middle of the canvas, zooming in to a readable size first if need be. */
    void centreOn(String table) {
        Rectangle2D r = rect(table);
        if (r != null) {
            if (zoom() < READABLE_ZOOM) {
                scale.setX(1);
                scale.setY(1);
            }
            centreOn(r.getMinX() + r.getWidth() / 2, r.getMinY() + r.getHeight() / 2);
        }
    }

    /** Pans so that the diagram point (x, y) is in the middle of the canvas. */
    void centreOn(double x, double y) {
        double z = zoom();
        world.setTranslateX(getWidth() / 2 - x * z);
        world.setTranslateY(getHeight() / 2 - y * z);
    }

    Minimap minimap() {
        return minimap;
    }

    Overview overview() {
        return overview;
    }

    /**
     * The whole diagram rendered at 100 % (less when it would exceed {@value #MAX_PICTURE} pixels a
     * side), as plain pixels for the ViewModel to save. Every table is made a node for it, so on a
     * schema of thousands of tables this takes as long as drawing them all once.
     */
    PixelImage picture() {
        Rectangle2D all = extent();
        if (all != null && graph.tables().size() > ALL_NODES_UP_TO) {
            double side = Math.max(all.getWidth(), all.getHeight()) + 2 * PICTURE_PAD;
            double shrink = side > MAX_PICTURE ? MAX_PICTURE / side : 1;
            if (shrink < READABLE_ZOOM) {
                return overviewPicture(all, shrink);
            }
        }
        Scale saved = new Scale(scale.getX(), scale.getY());
        double tx = world.getTranslateX();
        double ty = world.getTranslateY();
        WritableImage image;
        everything = true;
        try {
            showWhatIsInView();
            world.applyCss();
            world.layout();
            Bounds content = world.getBoundsInLocal();
            double side = Math.max(content.getWidth(), content.getHeight());
            double shrink = side > MAX_PICTURE ? MAX_PICTURE / side : 1;
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(Color.TRANSPARENT);
            params.setTransform(new Scale(shrink, shrink));
            scale.setX(1);
            scale.setY(1);
            world.setTranslateX(0);
            world.setTranslateY(0);
            image = world.snapshot(params, null);
        } finally {
            everything = false;
            scale.setX(saved.getX());
            scale.setY(saved.getY());
            world.setTranslateX(tx);
            world.setTranslateY(ty);
            showWhatIsInView();
        }
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new PixelImage(w, h, argb);
    }

    /**
     * The whole of a big schema drawn as the overview draws it, when the picture must be shrunk below
     * the readable zoom anyway: its text could not be read, and making a node of each of thousands of
     * tables for it took as long as the old first picture (decision 52).
     */
    private PixelImage overviewPicture(Rectangle2D all, double shrink) {
        Overview shot = new Overview();
        int w = (int) Math.ceil((all.getWidth() + 2 * PICTURE_PAD) * shrink);
        int h = (int) Math.ceil((all.getHeight() + 2 * PICTURE_PAD) * shrink);
        // In the scene for a moment, behind everything, so that its probes take the theme's colours.
        getChildren().add(0, shot);
        WritableImage image;
        try {
            shot.applyCss();
            shot.resize(w, h);
            shot.draw(graph, viewModel.positions(), Set.of(), null, shrink,
                    -(all.getMinX() - PICTURE_PAD) * shrink, -(all.getMinY() - PICTURE_PAD) * shrink);
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(Color.TRANSPARENT);
            params.setViewport(new Rectangle2D(0, 0, w, h));
            image = shot.snapshot(params, null);
        } finally {
            getChildren().remove(shot);
        }
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new PixelImage(w, h, argb);
    }

    /** Where a diagram point is on screen, for tests. */
    Point2D screenPoint(double x, double y) {
        return world.localToScreen(x, y);
    }

    /** Where a table's box is on screen (whether drawn as a node or on the canvas), for tests and the screen reader's sake. */
    Bounds screenBounds(String table) {
        Rectangle2D r = rect(table);
        if (r == null) {
            return null;
        }
        Bounds local = new BoundingBox(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
        return world.localToScreen(local);
    }
}
