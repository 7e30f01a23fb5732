package dev.tablewright.app.diagram;

import javafx.collections.MapChangeListener;
import javafx.collections.SetChangeListener;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The diagram's drawing surface: tables as boxes and relationships as edges in a world that is
 * zoomed (wheel, around the pointer) and panned (drag on the background). Dragging a box moves
 * it with the other selected boxes; dragging a box's link handle onto another box asks for a
 * relationship from the first (child) to the second (parent). All state it shows lives in the
 * {@link DiagramViewModel}; this class only draws it and forwards gestures.
 */
final class DiagramCanvas extends Region {
    static final double MIN_ZOOM = 0.05;
    static final double MAX_ZOOM = 3;
    private static final double MAX_PICTURE = 8000;
    private final DiagramViewModel viewModel;
    private final Pane world = new Pane();
    private final Group edgeLayer = new Group();
    private final Group boxLayer = new Group();
    private final Line rubberBand = new Line();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Map<String, TableBox> boxes = new HashMap<>();
    private final Map<String, List<EdgeShape>> edgesOf = new HashMap<>();
    private final List<EdgeShape> edges = new ArrayList<>();
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
    };
    private BiConsumer<String, String> onLink = (child, parent) -> { };
    private Consumer<DiagramGraph.Edge> onEdgeSelected = edge -> { };
    private Consumer<String> onOpenTable = table -> { };
    private EdgeShape selectedEdge;
    private double pressX;
    private double pressY;
    private boolean dragged;
    private TableBox linkTarget;

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
        getChildren().add(world);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        viewModel.graphProperty().addListener(graphListener);
        viewModel.positions().addListener(positionListener);
        viewModel.selected().addListener(selectionListener);
        rebuild(viewModel.graphProperty().get());

        setOnMousePressed(this::backgroundPressed);
        setOnMouseDragged(this::backgroundDragged);
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

    TableBox box(String table) {
        return boxes.get(table);
    }

    List<EdgeShape> edges() {
        return List.copyOf(edges);
    }

    // --- building ---

    private void rebuild(DiagramGraph graph) {
        boxLayer.getChildren().clear();
        edgeLayer.getChildren().clear();
        boxes.clear();
        edges.clear();
        edgesOf.clear();
        selectedEdge = null;
        List<Node> newBoxes = new ArrayList<>(graph.tables().size());
        for (DiagramGraph.Table t : graph.tables()) {
            TableBox box = new TableBox(t);
            box.setSelected(viewModel.selected().contains(t.name()));
            wire(box);
            boxes.put(t.name(), box);
            newBoxes.add(box);
            Point p = viewModel.positions().get(t.name());
            if (p != null) {
                box.relocate(p.x(), p.y());
            }
        }
        List<Node> newEdges = new ArrayList<>(graph.edges().size());
        for (DiagramGraph.Edge e : graph.edges()) {
            EdgeShape shape = new EdgeShape(e);
            shape.setOnMouseClicked(ev -> {
                selectEdge(shape);
                ev.consume();
            });
            shape.setOnMousePressed(MouseEvent::consume);
            edges.add(shape);
            edgesOf.computeIfAbsent(e.child(), k -> new ArrayList<>()).add(shape);
            if (!e.parent().equals(e.child())) {
                edgesOf.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(shape);
            }
            newEdges.add(shape);
            redraw(shape);
        }
        boxLayer.getChildren().setAll(newBoxes);
        edgeLayer.getChildren().setAll(newEdges);
    }

    private void selectEdge(EdgeShape shape) {
        if (selectedEdge != null) {
            selectedEdge.setSelected(false);
        }
        selectedEdge = shape;
        if (shape != null) {
            shape.setSelected(true);
        }
        viewModel.select(null);
        onEdgeSelected.accept(shape == null ? null : shape.edge());
        requestFocus();
    }

    private void placed(String table) {
        TableBox box = boxes.get(table);
        Point p = viewModel.positions().get(table);
        if (box == null || p == null) {
            return;
        }
        box.relocate(p.x(), p.y());
        for (EdgeShape e : edgesOf.getOrDefault(table, List.of())) {
            redraw(e);
        }
    }

    private void redraw(EdgeShape shape) {
        Rectangle2D child = rect(shape.edge().child());
        Rectangle2D parent = rect(shape.edge().parent());
        if (child != null && parent != null) {
            shape.update(child, parent);
        }
    }

    private Rectangle2D rect(String table) {
        Point p = viewModel.positions().get(table);
        TableBox box = boxes.get(table);
        if (p == null || box == null) {
            return null;
        }
        return new Rectangle2D(p.x(), p.y(), NodeGeometry.width(box.table()), NodeGeometry.height(box.table()));
    }

    // --- gestures ---

    private void wire(TableBox box) {
        String name = box.table().name();
        box.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            requestFocus();
            if (e.isShortcutDown() || e.isShiftDown()) {
                viewModel.toggleSelected(name);
            } else if (!viewModel.selected().contains(name)) {
                viewModel.select(name);
            }
            selectEdge(null);
            if (!viewModel.selected().contains(name)) {
                viewModel.selected().add(name);
            }
            pressX = e.getSceneX();
            pressY = e.getSceneY();
            dragged = false;
            e.consume();
        });
        box.setOnMouseDragged(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            double dx = (e.getSceneX() - pressX) / zoom();
            double dy = (e.getSceneY() - pressY) / zoom();
            pressX = e.getSceneX();
            pressY = e.getSceneY();
            viewModel.move(Set.copyOf(viewModel.selected()), dx, dy);
            dragged = true;
            e.consume();
        });
        box.setOnMouseReleased(e -> {
            if (dragged) {
                viewModel.moved();
            }
            dragged = false;
            e.consume();
        });
        box.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                onOpenTable.accept(name);
            }
            e.consume();
        });
        Node handle = box.linkHandle();
        handle.setOnMousePressed(e -> {
            Point2D at = world.sceneToLocal(e.getSceneX(), e.getSceneY());
            rubberBand.setStartX(at.getX());
            rubberBand.setStartY(at.getY());
            rubberBand.setEndX(at.getX());
            rubberBand.setEndY(at.getY());
            rubberBand.setVisible(true);
            e.consume();
        });
        handle.setOnMouseDragged(e -> {
            Point2D at = world.sceneToLocal(e.getSceneX(), e.getSceneY());
            rubberBand.setEndX(at.getX());
            rubberBand.setEndY(at.getY());
            TableBox over = boxAt(at);
            if (over != linkTarget) {
                if (linkTarget != null) {
                    linkTarget.setLinkTarget(false);
                }
                linkTarget = over;
                if (over != null) {
                    over.setLinkTarget(true);
                }
            }
            e.consume();
        });
        handle.setOnMouseReleased(e -> {
            rubberBand.setVisible(false);
            if (linkTarget != null) {
                linkTarget.setLinkTarget(false);
            }
            linkTarget = null;
            TableBox target = boxAt(world.sceneToLocal(e.getSceneX(), e.getSceneY()));
            if (target != null) {
                onLink.accept(name, target.table().name());
            }
            e.consume();
        });
    }

    /** The box under a world point, the topmost when boxes overlap. */
    private TableBox boxAt(Point2D at) {
        List<Node> children = boxLayer.getChildren();
        for (int i = children.size() - 1; i >= 0; i--) {
            TableBox box = (TableBox) children.get(i);
            Rectangle2D r = rect(box.table().name());
            if (r != null && r.contains(at)) {
                return box;
            }
        }
        return null;
    }

    private void backgroundPressed(MouseEvent e) {
        requestFocus();
        pressX = e.getSceneX();
        pressY = e.getSceneY();
        if (e.getButton() == MouseButton.PRIMARY && !e.isShortcutDown()) {
            viewModel.select(null);
            selectEdge(null);
        }
    }

    private void backgroundDragged(MouseEvent e) {
        world.setTranslateX(world.getTranslateX() + e.getSceneX() - pressX);
        world.setTranslateY(world.getTranslateY() + e.getSceneY() - pressY);
        pressX = e.getSceneX();
        pressY = e.getSceneY();
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
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, old * factor));
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

    /** Zoom and pan so that every table is in view (never closer than 100 %). */
    void fit() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (TableBox box : boxes.values()) {
            Rectangle2D r = rect(box.table().name());
            if (r != null) {
                minX = Math.min(minX, r.getMinX());
                minY = Math.min(minY, r.getMinY());
                maxX = Math.max(maxX, r.getMaxX());
                maxY = Math.max(maxY, r.getMaxY());
            }
        }
        if (minX == Double.MAX_VALUE || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double margin = 24;
        double z = Math.min(1, Math.min((getWidth() - 2 * margin) / (maxX - minX + 60), (getHeight() - 2 * margin) / (maxY - minY)));
        z = Math.max(MIN_ZOOM, z);
        scale.setX(z);
        scale.setY(z);
        world.setTranslateX((getWidth() - (maxX - minX) * z) / 2 - minX * z);
        world.setTranslateY(margin - minY * z);
    }

    /** Pans so that the table's box is in the middle of the canvas. */
    void centreOn(String table) {
        Rectangle2D r = rect(table);
        if (r == null) {
            return;
        }
        double z = zoom();
        world.setTranslateX(getWidth() / 2 - (r.getMinX() + r.getWidth() / 2) * z);
        world.setTranslateY(getHeight() / 2 - (r.getMinY() + r.getHeight() / 2) * z);
    }

    /**
     * The whole diagram rendered at 100 % (less when it would exceed {@value #MAX_PICTURE} pixels a
     * side), as plain pixels for the ViewModel to save.
     */
    PixelImage picture() {
        Bounds content = world.getBoundsInLocal();
        double side = Math.max(content.getWidth(), content.getHeight());
        double shrink = side > MAX_PICTURE ? MAX_PICTURE / side : 1;
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        params.setTransform(new Scale(shrink, shrink));
        Scale saved = new Scale(scale.getX(), scale.getY());
        double tx = world.getTranslateX();
        double ty = world.getTranslateY();
        scale.setX(1);
        scale.setY(1);
        world.setTranslateX(0);
        world.setTranslateY(0);
        WritableImage image;
        try {
            image = world.snapshot(params, null);
        } finally {
            scale.setX(saved.getX());
            scale.setY(saved.getY());
            world.setTranslateX(tx);
            world.setTranslateY(ty);
        }
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new PixelImage(w, h, argb);
    }

    /** Where a table's box is on screen, for tests and the screen reader's sake. */
    Bounds screenBounds(String table) {
        TableBox box = boxes.get(table);
        return box == null ? null : box.localToScreen(box.getBoundsInLocal());
    }

    @Override
    protected void layoutChildren() {
        // The world is positioned by pan and zoom alone, never by the region's layout.
    }
}
