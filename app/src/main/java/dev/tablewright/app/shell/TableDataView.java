package dev.tablewright.app.shell;

import dev.tablewright.app.filter.FilterBuilderView;
import dev.tablewright.app.filter.FilterBuilderViewModel;
import dev.tablewright.app.grid.GridView;
import dev.tablewright.app.grid.GridPlace;
import dev.tablewright.app.grid.GridViewModel;
import dev.tablewright.app.grid.JoinedResultView;
import dev.tablewright.app.grid.JoinedResultViewModel;
import dev.tablewright.app.grid.NavigationViewModel;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.filter.Filter;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's rows in the grid, with the filter builder docked above it on demand (the Filter
 * toggle): applying a filter there shows the matching rows in the grid, Clear shows all again.
 */
public final class TableDataView {
    /** Makes the grid and filter builder of another table, for a hop along a relation. */
    public interface Tables {
        GridViewModel grid(String table);

        FilterBuilderViewModel filter(String table);

        /** The read-only rows of a filter over several tables. */
        JoinedResultViewModel joined(List<String> tables, Filter filter);
    }

    /** The most the place's caption takes of the bar; longer ones end in an ellipsis (the tooltip has it all). */
    private static final double CAPTION_WIDTH = 420;
    /** How many places' screens are kept, so going back shows a place as it was left (scroll, sort). */
    private static final int KEPT_PLACES = 8;

    private GridViewModel grid;
    private FilterBuilderViewModel filter;
    private final Tables tables;
    private final NavigationViewModel navigation;
    private final Map<GridPlace, Place> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<GridPlace, Place> eldest) {
            return size() > KEPT_PLACES;
        }
    };
    private final Label applied = new Label("All rows");
    private final Label caption = new Label();
    /** Beside the caption: the Related menu of the place shown. */
    private final HBox relatedSlot = new HBox();
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
        this(grid, filter, new SimpleDoubleProperty(-1), null);
    }

    /**
     * {@code builderShare}: the divider position shared by the data screens of one window (negative:
     * not moved yet); {@code tables}: where hops along relations get their screens (null: none).
     */
    public TableDataView(GridViewModel grid, FilterBuilderViewModel filter, DoubleProperty builderShare, Tables tables) {
        this.grid = grid;
        this.filter = filter;
        this.builderShare = builderShare;
        this.tables = tables;
        this.navigation = new NavigationViewModel(GridPlace.of(grid.table()));
        applied.setId("appliedFilter");
        applied.getStyleClass().add("applied-filter");
        applied.setMinWidth(0);
        caption.setId("placeCaption");
        caption.getStyleClass().add("place-caption");
        // A long caption (an album's title) gives way before the Related and Filter buttons do.
        caption.setMinWidth(0);
        caption.setMaxWidth(CAPTION_WIDTH);
        caption.setTooltip(new Tooltip());
        caption.getTooltip().textProperty().bind(caption.textProperty());
        GridView startView = new GridView(grid, tables == null ? null : navigation::go);
        Place start = new Place(grid, filter, startView.root(), startView.related());
        kept.put(navigation.currentProperty().get(), start);
        listenToBuilder(filter);

        split = new SplitPane(start.view());
        split.setOrientation(Orientation.VERTICAL);
        split.setId("dataSplit");
        // A window made lower (or higher) places the divider again, once the new height is laid out.
        split.heightProperty().addListener((obs, old, height) -> Platform.runLater(this::placeDivider));
        // Only where the person drags the divider is remembered: the split also moves it as it lays out.
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (split.getItems().size() > 1 && onDivider(e.getTarget())) {
                builderShare.set(split.getDividerPositions()[0]);
            }
        });
        toggle.setId("filterToggle");
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setTooltip(new Tooltip("Build a filter by pointing and clicking"));
        toggle.selectedProperty().addListener((obs, was, shown) -> dockFilter(shown));

        HBox bar = new HBox(8);
        if (tables != null) {
            Button back = hop("navBack", Feather.ARROW_LEFT, "Back (Alt+Left)", navigation::back);
            back.disableProperty().bind(navigation.canGoBackProperty().not());
            Button forward = hop("navForward", Feather.ARROW_RIGHT, "Forward (Alt+Right)", navigation::forward);
            forward.disableProperty().bind(navigation.canGoForwardProperty().not());
            relatedSlot.getChildren().setAll(start.related());
            bar.getChildren().addAll(back, forward, caption, relatedSlot);
            navigation.currentProperty().addListener((obs, old, place) -> showPlace(place));
        }
        bar.getChildren().addAll(toggle, applied);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("data-filter-bar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        root = new BorderPane(split);
        root.setTop(bar);
        root.setId("dataScreen");
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (tables != null && e.isAltDown() && e.getCode() == KeyCode.LEFT) {
                navigation.back();
                e.consume();
            } else if (tables != null && e.isAltDown() && e.getCode() == KeyCode.RIGHT) {
                navigation.forward();
                e.consume();
            }
        });
        caption.setText(grid.table());
    }

    /** One place's screen: its grid, its builder, the grid's view, and its Related menu (null without hops). */
    private record Place(GridViewModel grid, FilterBuilderViewModel filter, Node view, Node related) {
    }

    private static Button hop(String id, Feather icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void listenToBuilder(FilterBuilderViewModel builder) {
        builder.appliedFilterProperty().addListener((obs, old, f) -> {
            if (builder == filter) {
                applied.setText(applyToGrid(f));
            }
        });
    }

    /** The back/forward history of this screen's hops. */
    public NavigationViewModel navigation() {
        return navigation;
    }

    /** The grid shown now (another table's after a hop along a relation). */
    public GridViewModel grid() {
        return grid;
    }

    /** Reads the table again, its fields and rows, in the grid and the filter builder (a field added in the designer). */
    public void reload() {
        grid.refresh();
        filter.refreshFields();
    }

    /** Shows a place: the one kept from before, else a new grid of its table, filtered to its rows. */
    private void showPlace(GridPlace place) {
        // The grid left behind goes out of the scene with the keyboard: JavaFX would hand it to the
        // window's first control (the navigator's search box), so it goes to the new grid instead.
        Node owner = root.getScene() == null ? null : root.getScene().getFocusOwner();
        boolean hadKeyboard = false;
        for (Node n = owner; n != null; n = n.getParent()) {
            hadKeyboard |= n == split;
        }
        boolean builderShown = toggle.isSelected();
        toggle.setSelected(false);
        Place p = kept.get(place);
        if (p == null) {
            GridViewModel g = tables.grid(place.table());
            FilterBuilderViewModel f = tables.filter(place.table());
            g.filterProperty().set(place.filter());
            GridView view = new GridView(g, navigation::go);
            p = new Place(g, f, view.root(), view.related());
            listenToBuilder(f);
            if (!place.filter().isEmpty()) {
                // The builder starts from the hop's filter, so the person can widen or clear it there.
                f.stateProperty().addListener((obs, old, state) -> {
                    if (state == FilterBuilderViewModel.State.READY && f.filter().isEmpty()) {
                        f.setFilter(place.filter());
                    }
                });
            }
            kept.put(place, p);
            g.open();
        }
        grid = p.grid();
        filter = p.filter();
        filterView = null;
        split.getItems().setAll(p.view());
        relatedSlot.getChildren().setAll(p.related());
        caption.setText(place.caption());
        applied.setText(describe(grid.filterProperty().get()));
        if (builderShown) {
            toggle.setSelected(true);
        }
        Node table = p.view().lookup("#gridTable");
        if (hadKeyboard && table != null) {
            Platform.runLater(table::requestFocus);
        }
    }

    private static String describe(Filter f) {
        return f == null || f.isEmpty() ? "All rows" : "Filter: " + Json.write(f.toArray());
    }

    public Parent root() {
        return root;
    }

    /** Docks the filter builder above the grid (as the Filter toggle does), if it is not shown yet. */
    public void showFilter() {
        toggle.setSelected(true);
    }

    /**
     * Hands an applied filter to the grid and says what the grid now shows; a filter over several
     * tables shows its rows in a read-only result grid in the grid's place.
     */
    private String applyToGrid(Filter applied) {
        List<String> queried = filter.appliedTablesProperty().get();
        Node gridNode = kept.get(navigation.currentProperty().get()).view();
        if (applied != null && queried != null && !queried.equals(List.of(grid.table()))) {
            if (tables == null) {
                return "This filter joins " + String.join(", ", queried)
                        + "; the grid shows one table. Remove the added tables to see its rows here.";
            }
            JoinedResultViewModel joined = tables.joined(queried, applied);
            split.getItems().set(split.getItems().size() - 1, new JoinedResultView(joined).root());
            joined.open();
            return "Joined: " + Json.write(applied.toArray());
        }
        if (split.getItems().get(split.getItems().size() - 1) != gridNode) {
            split.getItems().set(split.getItems().size() - 1, gridNode);
        }
        grid.filterProperty().set(applied == null ? Filter.none() : applied);
        return describe(applied);
    }

    private void dockFilter(boolean shown) {
        if (!shown) {
            split.getItems().remove(0, split.getItems().size() - 1);
            return;
        }
        if (filterView == null) {
            if (filter.stateProperty().get() != FilterBuilderViewModel.State.READY) {
                filter.load();
            }
            filterView = scrolling(new FilterBuilderView(filter).root());
        }
        split.getItems().add(0, filterView);
        placeDivider();
    }

    private boolean onDivider(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null && n != split; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Puts the divider where the person left it, but never so low that the grid shows fewer than
     * {@link #GRID_ROWS_KEPT} rows: a share chosen in a tall window would leave a smaller one's
     * grid three rows. Only the person's drags are remembered (not where this put it), so the
     * builder gets its size back when the window grows again.
     */
    private void placeDivider() {
        if (split.getItems().size() < 2) {
            return;
        }
        double wanted = builderShare.get() > 0 ? builderShare.get() : MOST_FOR_BUILDER;
        split.setDividerPositions(Math.min(wanted, firstShare()));
        keepGridRows();
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
