package dev.tablewright.app.shell;

import dev.tablewright.app.console.ConsoleView;
import dev.tablewright.app.console.ConsoleViewModel;
import dev.tablewright.app.console.QueryHistory;
import dev.tablewright.app.designer.TableDesignerView;
import dev.tablewright.app.designer.TableDesignerViewModel;
import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.filter.FilterBuilderView;
import dev.tablewright.app.filter.FilterBuilderViewModel;
import dev.tablewright.app.grid.GridView;
import dev.tablewright.app.grid.GridViewModel;
import dev.tablewright.core.Json;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import dev.tablewright.app.navigator.NavigatorConnection;
import dev.tablewright.app.history.HistoryView;
import dev.tablewright.app.history.HistoryViewModel;
import dev.tablewright.app.task.TaskExecutor;
import javafx.scene.Node;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Builds the feature screens the workspace tabs show, one per kind of request. */
public final class Screens implements Screen.Factory {
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Path dataDir;
    private final Consumer<NavigatorConnection> tablesChanged;

    /** {@code tablesChanged} is told when a screen created, changed or deleted a table, so the navigator lists them anew. */
    public Screens(TaskExecutor tasks, DialogService dialogs, Path dataDir, Consumer<NavigatorConnection> tablesChanged) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.dataDir = dataDir;
        this.tablesChanged = tablesChanged;
    }

    @Override
    public Optional<Screen> create(WorkspaceRequest request) {
        return switch (request.kind()) {
            case HISTORY -> Optional.of(history(request));
            case CONSOLE -> Optional.of(console(request));
            case DESIGN -> Optional.of(designer(request));
            case DATA -> Optional.of(data(request));
            default -> Optional.empty();
        };
    }

    private Screen history(WorkspaceRequest request) {
        HistoryViewModel viewModel = new HistoryViewModel(request.connection().connector(), request.table(), tasks);
        HistoryView view = new HistoryView(viewModel);
        viewModel.load();
        return screen(request.table() + " · history", view.root(), viewModel::load, () -> { });
    }

    /**
     * A table's rows in the grid, with the filter builder docked above it on demand (Filter
     * button): applying a filter there shows the matching rows in the grid, Clear shows all again.
     */
    private Screen data(WorkspaceRequest request) {
        String table = request.table();
        GridViewModel grid = new GridViewModel(request.connection().connector(), table, tasks, dialogs);
        GridView gridView = new GridView(grid);
        FilterBuilderViewModel filter = new FilterBuilderViewModel(request.connection().connector(), request.connection().name(),
                table, tasks, dialogs);

        Label applied = new Label("All rows");
        applied.setId("appliedFilter");
        applied.getStyleClass().add("applied-filter");
        filter.appliedFilterProperty().addListener((obs, old, array) -> {
            List<String> tables = filter.appliedTablesProperty().get();
            if (array != null && tables != null && !tables.equals(List.of(table))) {
                applied.setText("This filter joins " + String.join(", ", tables)
                        + "; the grid shows one table. Remove the added tables to see its rows here.");
                return;
            }
            grid.filterProperty().set(array);
            applied.setText(array == null || array.isEmpty() ? "All rows" : "Filter: " + Json.write(array));
        });

        SplitPane split = new SplitPane(gridView.root());
        split.setOrientation(Orientation.VERTICAL);
        ToggleButton toggle = new ToggleButton("Filter", new FontIcon(Feather.FILTER));
        toggle.setId("filterToggle");
        toggle.setTooltip(new Tooltip("Build a filter by pointing and clicking"));
        boolean[] loaded = {false};
        toggle.selectedProperty().addListener((obs, was, shown) -> {
            if (shown) {
                if (!loaded[0]) {
                    loaded[0] = true;
                    filter.load();
                }
                split.getItems().add(0, filterView(filter));
                split.setDividerPositions(0.45);
            } else {
                split.getItems().remove(0, split.getItems().size() - 1);
            }
        });
        HBox bar = new HBox(8, toggle, applied);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("data-filter-bar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        BorderPane content = new BorderPane(split);
        content.setTop(bar);
        content.setId("dataScreen");
        grid.open();
        return screen(table, content, grid::refresh, () -> { });
    }

    private final java.util.Map<FilterBuilderViewModel, Node> filterViews = new java.util.WeakHashMap<>();

    private Node filterView(FilterBuilderViewModel filter) {
        return filterViews.computeIfAbsent(filter, f -> new FilterBuilderView(f).root());
    }

    private Screen designer(WorkspaceRequest request) {
        TableDesignerViewModel viewModel = new TableDesignerViewModel(request.connection().connector(), request.table(), tasks, dialogs);
        TableDesignerView view = new TableDesignerView(viewModel);
        viewModel.statusProperty().addListener((obs, old, status) -> {
            if (status != null && status.startsWith("Applied")) {
                tablesChanged.accept(request.connection());
            }
        });
        viewModel.deletedProperty().addListener((obs, old, deleted) -> {
            if (deleted) {
                tablesChanged.accept(request.connection());
            }
        });
        viewModel.load();
        String title = request.table() == null ? "New table" : request.table() + " · design";
        return screen(title, view.root(), viewModel::load, () -> { });
    }

    private Screen console(WorkspaceRequest request) {
        ConsoleViewModel viewModel = new ConsoleViewModel(request.connection().connector(),
                new QueryHistory(dataDir.resolve("query-history"), request.connection().name()), tasks);
        ConsoleView view = new ConsoleView(viewModel);
        return screen("SQL · " + request.connection().name(), view.root(), viewModel::refreshSchema, view::dispose);
    }

    private static Screen screen(String title, Node content, Runnable reload, Runnable dispose) {
        return new Screen() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public Node content() {
                return content;
            }

            @Override
            public void reload() {
                reload.run();
            }

            @Override
            public void dispose() {
                dispose.run();
            }
        };
    }
}
