package dev.tablewright.app.diagram;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.collections.MapChangeListener;

/** The relationship diagram screen: a bar of commands over the canvas. */
public final class DiagramView {
    private final DiagramViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final DiagramCanvas canvas;
    private boolean fitted;
    private RelationshipDialog openDialog;
    private ContextMenu contextMenu;
    private Consumer<String> onHistory = table -> { };
    private Consumer<String> onTimeTravel = table -> { };

    public DiagramView(DiagramViewModel viewModel) {
        this.viewModel = viewModel;
        this.canvas = new DiagramCanvas(viewModel);
        // ELK starts once the first picture is drawn: started with it, it took the cores the first frame needed (docs/benchmarks.md).
        viewModel.setLayoutStart(DiagramView::afterNextFrame);
        root.getStyleClass().add("diagram-view");
        root.setId("diagramView");
        root.getStylesheets().add(Objects.requireNonNull(DiagramView.class.getResource("diagram.css")).toExternalForm());

        Button arrange = button("Arrange", Feather.GRID, "diagramArrange", "Lay every table out again automatically");
        arrange.setOnAction(e -> viewModel.arrange());
        arrange.disableProperty().bind(viewModel.layingOutProperty().or(viewModel.loadingProperty()));
        Button fit = button("Fit", Feather.MAXIMIZE, "diagramFit", "Zoom so that every table is in view");
        fit.setOnAction(e -> canvas.fit());
        Button zoomOut = button(null, Feather.ZOOM_OUT, "diagramZoomOut", "Zoom out (or turn the mouse wheel)");
        zoomOut.setOnAction(e -> canvas.zoomBy(1 / 1.25));
        Button zoomIn = button(null, Feather.ZOOM_IN, "diagramZoomIn", "Zoom in (or turn the mouse wheel)");
        zoomIn.setOnAction(e -> canvas.zoomBy(1.25));
        Button newTable = button("New table", Feather.PLUS_SQUARE, "diagramNewTable", "Design a new table; it appears in the middle of the view");
        newTable.setOnAction(e -> {
            Point2D centre = canvas.centreOfView();
            viewModel.newTable(new Point(centre.getX(), centre.getY()));
        });
        newTable.disableProperty().bind(viewModel.loadingProperty());
        Button reload = button("Reload", Feather.REFRESH_CW, "diagramReload", "Read the schema again");
        reload.setOnAction(e -> viewModel.load());
        Button remove = button("Remove link", Feather.TRASH_2, "diagramRemoveEdge", "Remove the selected relationship (Delete)");
        remove.setOnAction(e -> viewModel.removeSelectedEdge());
        remove.disableProperty().bind(viewModel.selectedEdgeProperty().isNull());
        canvas.setOnEdgeSelected(viewModel.selectedEdgeProperty()::set);
        canvas.setOnLink((child, parent) -> showRelationshipDialog(viewModel.proposeRelationship(child, parent)));
        canvas.setOnContextMenuRequested(this::showContextMenu);
        canvas.setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && viewModel.selectedEdgeProperty().get() != null) {
                viewModel.removeSelectedEdge();
                e.consume();
            }
        });

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("diagramBusy");
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(viewModel.loadingProperty().or(viewModel.layingOutProperty()));
        busy.managedProperty().bind(busy.visibleProperty());
        Label status = new Label();
        status.setId("diagramStatus");
        status.textProperty().bind(viewModel.statusProperty());
        status.setMinWidth(Region.USE_PREF_SIZE);
        Label problem = new Label();
        problem.setId("diagramProblem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(viewModel.problemProperty());
        problem.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label legend = new Label("PK key · FK link · U unique · bold: required · dashed: optional");
        legend.getStyleClass().add("legend");
        legend.setMinWidth(0);
        TextField search = new TextField();
        search.setId("diagramSearch");
        search.setPromptText("Find table");
        search.setPrefColumnCount(12);
        search.setOnAction(e -> viewModel.find(search.getText()).ifPresent(canvas::centreOn));
        MenuButton export = new MenuButton("Export", new FontIcon(Feather.DOWNLOAD));
        export.setId("diagramExport");
        export.setMinWidth(Region.USE_PREF_SIZE);
        MenuItem png = new MenuItem("PNG picture…");
        png.setId("diagramExportPng");
        png.setOnAction(e -> viewModel.exportPng(canvas.picture()));
        MenuItem svg = new MenuItem("SVG drawing…");
        svg.setId("diagramExportSvg");
        svg.setOnAction(e -> viewModel.exportSvg());
        MenuItem callFile = new MenuItem("Schema as a call file…");
        callFile.setId("diagramExportCallFile");
        callFile.setOnAction(e -> viewModel.exportCallFile());
        export.getItems().addAll(png, svg, callFile);
        // What does not fit on a narrow window goes to a second line instead of past its edge.
        FlowPane bar = new FlowPane(6, 6, newTable, arrange, fit, zoomOut, zoomIn, reload, remove, export, search, busy, status, problem);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("diagram-bar");
        root.setTop(bar);
        HBox foot = new HBox(legend, gap);
        foot.getStyleClass().add("diagram-foot");
        root.setBottom(foot);
        root.setCenter(canvas);

        // The first picture fits the schema on screen once the canvas has a size and the tables have places.
        viewModel.positions().addListener((MapChangeListener<String, Point>) c -> fitSoon());
        canvas.widthProperty().addListener((obs, old, w) -> fitSoon());
        viewModel.layingOutProperty().addListener((obs, was, now) -> {
            if (was && !now) {
                fitted = false;
                fitSoon();
            }
        });
    }

    /**
     * The canvas's menu for what is under the pointer: a table (design it, or fold a junction away), an
     * edge (unfold a many-to-many's junction, remove the link), or the background (a new table there).
     */
    private void showContextMenu(ContextMenuEvent e) {
        if (contextMenu != null) {
            contextMenu.hide();
        }
        Point2D at = canvas.toWorld(e.getX(), e.getY());
        String table = canvas.tableAt(at);
        DiagramGraph.Edge edge = table == null ? canvas.edgeAt(at) : null;
        List<MenuItem> items = new ArrayList<>();
        if (table != null && viewModel.expanded().contains(table)) {
            items.add(menuItem("Fold the junction away", "diagramFoldJunction", () -> viewModel.foldJunction(table)));
        } else if (table != null) {
            viewModel.select(table);
            items.add(menuItem("Design " + table + "…", "diagramDesignTable", () -> canvas.openTable(table)));
            DiagramGraph graph = viewModel.graphProperty().get();
            if (graph != null && graph.table(table).map(DiagramGraph.Table::history).orElse(false)) {
                items.add(menuItem("History of " + table, "diagramTableHistory", () -> onHistory.accept(table)));
                items.add(menuItem("Time travel: " + table + " as it stood", "diagramTimeTravel", () -> onTimeTravel.accept(table)));
            }
        } else if (edge != null) {
            canvas.selectEdgeAt(edge);
            if (edge.kind() == DiagramGraph.Kind.MANY_TO_MANY) {
                items.add(menuItem("Show the junction table", "diagramExpandJunction", () -> viewModel.expandJunction(edge.field())));
            }
            items.add(menuItem("Remove link…", "diagramRemoveEdgeMenu", viewModel::removeSelectedEdge));
        } else {
            items.add(menuItem("New table here…", "diagramNewTableHere", () -> viewModel.newTable(new Point(at.getX(), at.getY()))));
            items.add(menuItem("Arrange", "diagramArrangeMenu", viewModel::arrange));
            items.add(menuItem("Fit", "diagramFitMenu", canvas::fit));
        }
        contextMenu = new ContextMenu(items.toArray(MenuItem[]::new));
        contextMenu.show(canvas, e.getScreenX(), e.getScreenY());
        e.consume();
    }

    private static MenuItem menuItem(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Opens the dialog for a relationship drawn on the canvas; kept for tests and screenshots until it closes. */
    private void showRelationshipDialog(RelationshipViewModel draft) {
        RelationshipDialog dialog = new RelationshipDialog(draft, root.getScene() == null ? null : root.getScene().getWindow());
        openDialog = dialog;
        dialog.dialog().setOnHidden(e -> openDialog = null);
        dialog.show();
    }

    RelationshipDialog openDialog() {
        return openDialog;
    }

    private void fitSoon() {
        if (fitted || canvas.getWidth() <= 0 || viewModel.positions().isEmpty()) {
            return;
        }
        fitted = true;
        Platform.runLater(canvas::fit);
    }

    private static void afterNextFrame(Runnable work) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                // The second pulse begins once the first, which drew the tables, is done.
                if (++pulses == 2) {
                    stop();
                    work.run();
                }
            }
        }.start();
    }

    private static Button button(String text, Feather icon, String id, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    public Parent root() {
        return root;
    }

    public DiagramViewModel viewModel() {
        return viewModel;
    }

    DiagramCanvas canvas() {
        return canvas;
    }

    /** Zoom and pan so that every table is in view. */
    public void fit() {
        canvas.fit();
    }

    /** Selects the table and shows it in the middle of the canvas at a readable zoom, as a search does. */
    public void showTable(String table) {
        viewModel.select(table);
        canvas.centreOn(table);
    }

    /** The whole diagram as plain pixels, as Export → PNG saves it (the bench times it). */
    public PixelImage picture() {
        return canvas.picture();
    }

    /** Zooms around the middle of the canvas. */
    public void zoomBy(double factor) {
        canvas.zoomBy(factor);
    }

    public double zoom() {
        return canvas.zoom();
    }

    /** Moves the picture by so many pixels, as a drag on the background does. */
    public void panBy(double dx, double dy) {
        canvas.panBy(dx, dy);
    }

    /** What "New table" opens: the shell's table designer for a new table (see {@link DiagramViewModel#newTable}). */
    public void setOnNewTable(Runnable open) {
        viewModel.setOnNewTable(open);
    }

    /** What the menu of a table that keeps history offers: its audit log, and the table as it stood. */
    public void setOnHistory(Consumer<String> history, Consumer<String> timeTravel) {
        this.onHistory = history;
        this.onTimeTravel = timeTravel;
    }

    /** What a double-click on a table does: the shell opens it in the designer. */
    public void setOnOpenTable(Consumer<String> open) {
        canvas.setOnOpenTable(open);
    }

    /** The tab closed. */
    public void dispose() {
        canvas.dispose();
    }
}
