package dev.tablewright.app.shell;

import dev.tablewright.app.filter.FilterBuilderView;
import dev.tablewright.app.filter.FilterBuilderViewModel;
import dev.tablewright.app.grid.GridView;
import dev.tablewright.app.grid.GridViewModel;
import dev.tablewright.core.base.Json;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
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
    private Node filterView;

    /** Both ViewModels are for the same table; the caller opens the grid, the builder loads when first shown. */
    public TableDataView(GridViewModel grid, FilterBuilderViewModel filter) {
        this.grid = grid;
        this.filter = filter;
        Label applied = new Label("All rows");
        applied.setId("appliedFilter");
        applied.getStyleClass().add("applied-filter");
        filter.appliedFilterProperty().addListener((obs, old, array) -> applied.setText(applyToGrid(array)));

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

    /** Hands an applied array to the grid and says what the grid now shows. */
    private String applyToGrid(List<Object> array) {
        List<String> tables = filter.appliedTablesProperty().get();
        if (array != null && tables != null && !tables.equals(List.of(grid.table()))) {
            // The grid reads one table; a joined filter would be refused there, so the grid keeps its rows.
            return "This filter joins " + String.join(", ", tables)
                    + "; the grid shows one table. Remove the added tables to see its rows here.";
        }
        grid.filterProperty().set(array);
        return array == null || array.isEmpty() ? "All rows" : "Filter: " + Json.write(array);
    }

    private void dockFilter(boolean shown) {
        if (!shown) {
            split.getItems().remove(0, split.getItems().size() - 1);
            return;
        }
        if (filterView == null) {
            filter.load();
            filterView = new FilterBuilderView(filter).root();
        }
        split.getItems().add(0, filterView);
        split.setDividerPositions(0.45);
    }
}
