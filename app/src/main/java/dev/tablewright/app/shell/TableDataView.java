package dev.tablewright.app.shell;

import dev.tablewright.app.filter.FilterBuilderView;
import dev.tablewright.app.filter.FilterBuilderViewModel;
import dev.tablewright.app.grid.GridView;
import dev.tablewright.app.grid.GridViewModel;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.filter.Filter;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * A table's rows in the grid, with the filter builder docked above it on demand (the Filter
 * toggle): applying a filter there shows the matching rows in the grid, Clear shows all again.
 */
public final class TableDataView {
    private final GridViewModel grid;
    private final FilterBuilderViewModel filter;
    private final BorderPane root;
    private final SplitPane split;
    private final ToggleButton toggle = new ToggleButton("Filter", new FontIcon(Feather.FILTER));
    /** Rows of the grid the builder leaves visible when it first opens. */
    public static final int GRID_ROWS_KEPT = 6;
    /** The grid's column header and those rows, in pixels (rows are 30 px high), plus the divider. */
    private static final double GRID_ROWS_HEIGHT = 40 + GRID_ROWS_KEPT * 30 + 10;
    /** The grid's bars (tool bar, count, pager) when they cannot be measured yet. */
    private static final double GRID_BARS_GUESS = 120;
    private static final double MOST_FOR_BUILDER = 0.55;

    private Node filterView;
    /**
     * Where the person last left the divider (a share of the height), for every table of this
     * workbench window: the builder opens again at that size.
     */
    private final DoubleProperty builderShare;

    /** Both ViewModels are for the same table; the caller opens the grid, the builder loads when first shown. */
    public TableDataView(GridViewModel grid, FilterBuilderViewModel filter) {
        this(grid, filter, new SimpleDoubleProperty(-1));
    }

    /** {@code builderShare}: the divider position shared by the data screens of one window (negative: not moved yet). */
    public TableDataView(GridViewModel grid, FilterBuilderViewModel filter, DoubleProperty builderShare) {
        this.grid = grid;
        this.filter = filter;
        this.builderShare = builderShare;
        Label applied = new Label("All rows");
        applied.setId("appliedFilter");
        applied.getStyleClass().add("applied-filter");
        filter.appliedFilterProperty().addListener((obs, old, f) -> applied.setText(applyToGrid(f)));

        split = new SplitPane(new GridView(grid).root());
        split.setOrientation(Orientation.VERTICAL);
        split.setId("dataSplit");
        toggle.setId("filterToggle");
        toggle.setTooltip(new Tooltip("Build a filter by pointing and clicking"));
        toggle.selectedProperty().addListener((obs, was, shown) -> dockFilter(shown));

        HBox bar = new HBox(8, toggle, applied);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("data-filter-bar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        root = new BorderPane(split);
        root.setTop(bar);
        root.setId("dataScreen");
    }

    public Parent root() {
        return root;
    }

    /** Docks the filter builder above the grid (as the Filter toggle does), if it is not shown yet. */
    public void showFilter() {
        toggle.setSelected(true);
    }

    /** Hands an applied filter to the grid and says what the grid now shows. */
    private String applyToGrid(Filter applied) {
        List<String> tables = filter.appliedTablesProperty().get();
        if (applied != null && tables != null && !tables.equals(List.of(grid.table()))) {
            // The grid reads one table; a joined filter would be refused there, so the grid keeps its rows.
            return "This filter joins " + String.join(", ", tables)
                    + "; the grid shows one table. Remove the added tables to see its rows here.";
        }
        grid.filterProperty().set(applied == null ? Filter.none() : applied);
        return applied == null || applied.isEmpty() ? "All rows" : "Filter: " + Json.write(applied.toArray());
    }

    private void dockFilter(boolean shown) {
        if (!shown) {
            builderShare.set(split.getDividerPositions()[0]);
            split.getItems().remove(0, split.getItems().size() - 1);
            return;
        }
        if (filterView == null) {
            filter.load();
            filterView = scrolling(new FilterBuilderView(filter).root());
        }
        split.getItems().add(0, filterView);
        if (builderShare.get() > 0) {
            split.setDividerPositions(builderShare.get());
        } else {
            split.setDividerPositions(firstShare());
            keepGridRows();
        }
        split.getDividers().get(0).positionProperty().addListener((obs, old, at) -> {
            if (split.getItems().size() > 1) {
                builderShare.set(at.doubleValue());
            }
        });
    }

    /**
     * The builder's first share of the height: what leaves the grid {@link #GRID_ROWS_KEPT} rows
     * (and its header and count), at most {@link #MOST_FOR_BUILDER} of the screen.
     */
    private double firstShare() {
        double height = split.getHeight();
        if (height <= 0) {
            return MOST_FOR_BUILDER;
        }
        double forBuilder = Math.min(height * MOST_FOR_BUILDER, height - gridBarsHeight() - GRID_ROWS_HEIGHT);
        return Math.max(0.2, forBuilder / height);
    }

    /**
     * The builder in a pane that scrolls when the window is too low for all of it: otherwise its
     * minimum height (282 px with the Primer theme) would push the divider into the grid's rows.
     */
    private static Node scrolling(Node builder) {
        ScrollPane scroller = new ScrollPane(builder);
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.getStyleClass().add("edge-to-edge");
        scroller.setFocusTraversable(false);
        return scroller;
    }

    /**
     * Lays the split out at once and, if the grid still shows fewer than {@link #GRID_ROWS_KEPT}
     * rows (the divider's own thickness and the theme's paddings are only known after layout),
     * moves the divider up by what is missing.
     */
    private void keepGridRows() {
        if (split.getScene() == null || split.getHeight() <= 0) {
            return;
        }
        split.applyCss();
        split.layout();
        Node table = split.getItems().get(split.getItems().size() - 1).lookup("#gridTable");
        if (table == null) {
            return;
        }
        double missing = (GRID_ROWS_HEIGHT - 10) - table.getLayoutBounds().getHeight();
        if (missing > 0) {
            split.setDividerPositions(Math.max(0.2, split.getDividerPositions()[0] - missing / split.getHeight()));
            split.layout();
        }
    }

    /** The height the grid's screen spends around its table: tool bar, row count, pager. */
    private double gridBarsHeight() {
        Node gridScreen = split.getItems().get(split.getItems().size() - 1);
        Node table = gridScreen.lookup("#gridTable");
        double around = table == null ? 0 : gridScreen.getLayoutBounds().getHeight() - table.getLayoutBounds().getHeight();
        return around > 0 ? around : GRID_BARS_GUESS;
    }
}
