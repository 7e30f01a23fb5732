package dev.tablewright.app.shell;

import dev.tablewright.app.console.ConsoleView;
import dev.tablewright.app.console.ConsoleViewModel;
import dev.tablewright.app.console.QueryHistory;
import dev.tablewright.app.designer.TableDesignerView;
import dev.tablewright.app.diagram.DiagramPositions;
import dev.tablewright.app.diagram.DiagramView;
import dev.tablewright.app.diagram.DiagramViewModel;
import dev.tablewright.app.designer.TableDesignerViewModel;
import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.filter.FilterBuilderViewModel;
import dev.tablewright.app.grid.GridViewModel;
import dev.tablewright.app.grid.JoinedResultViewModel;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.app.grid.LabelFields;
import dev.tablewright.app.navigator.NavigatorConnection;
import dev.tablewright.app.navigator.TableActions;
import dev.tablewright.app.history.HistoryView;
import dev.tablewright.app.history.HistoryViewModel;
import dev.tablewright.app.history.RecordHistoryView;
import dev.tablewright.app.history.RecordHistoryViewModel;
import dev.tablewright.app.history.TimeTravelView;
import dev.tablewright.app.history.TimeTravelViewModel;
import dev.tablewright.app.task.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Builds the feature screens the workspace tabs show, one per kind of request. */
public final class Screens implements Screen.Factory {
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Path dataDir;
    private final Consumer<NavigatorConnection> tablesChanged;
    /** Where the filter builder's divider was left, shared by the data screens: the builder opens again at that size. */
    private final DoubleProperty builderShare = new SimpleDoubleProperty(-1);
    /** Whether grid edits are written as they are made (else they wait for Save): one choice for every grid of the window. */
    private final BooleanProperty writeAtOnce = new SimpleBooleanProperty();
    /** Label fields chosen per connection, one store each so every grid of a connection sees a choice at once. */
    private final Map<String, LabelFields> labelFields = new HashMap<>();

    private final TableActions actions;
    /** Open diagrams by connection: they read the schema again when a designer changes a table. */
    private final Map<NavigatorConnection, List<DiagramViewModel>> diagrams = new HashMap<>();
    /** The diagram whose "New table" opens the next new-table designer of a connection: that table goes where it was asked for. */
    private final Map<NavigatorConnection, DiagramViewModel> newTableFrom = new HashMap<>();

    /** {@code tablesChanged} is told when a screen created, changed or deleted a table, so the navigator lists them anew. */
    public Screens(TaskExecutor tasks, DialogService dialogs, Path dataDir, Consumer<NavigatorConnection> tablesChanged) {
        this(tasks, dialogs, dataDir, tablesChanged, new TableActions() {
            @Override
            public void openData(NavigatorConnection connection, String table) {
            }

            @Override
            public void filter(NavigatorConnection connection, String table) {
            }

            @Override
            public void design(NavigatorConnection connection, String table) {
            }

            @Override
            public void history(NavigatorConnection connection, String table) {
            }

            @Override
            public void tableChanged(NavigatorConnection connection, String table) {
            }
        });
    }

    /** {@code actions} opens other screens from one (the designer from a diagram's table). */
    public Screens(TaskExecutor tasks, DialogService dialogs, Path dataDir, Consumer<NavigatorConnection> tablesChanged, TableActions actions) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.dataDir = dataDir;
        this.tablesChanged = tablesChanged;
        this.actions = actions;
    }

    /** A screen changed the tables of {@code connection}: the navigator and the open diagrams show them anew. */
    private void changed(NavigatorConnection connection) {
        tablesChanged.accept(connection);
        diagrams.getOrDefault(connection, List.of()).forEach(DiagramViewModel::load);
    }

    /** Whether grid edits are written as they are made; the window binds it to the remembered choice. */
    public BooleanProperty writeAtOnceProperty() {
        return writeAtOnce;
    }

    @Override
    public Optional<Screen> create(WorkspaceRequest request) {
        return switch (request.kind()) {
            case HISTORY -> Optional.of(history(request));
            case CONSOLE -> Optional.of(console(request));
            case DESIGN -> Optional.of(designer(request));
            case DATA -> Optional.of(data(request));
            case DIAGRAM -> Optional.of(diagram(request));
            case TIME_TRAVEL -> Optional.of(timeTravel(request));
            default -> Optional.empty();
        };
    }

    private Screen history(WorkspaceRequest request) {
        if (request.row() != null) {
            return recordHistory(request);
        }
        HistoryViewModel viewModel = new HistoryViewModel(request.connection().connector(), request.table(), tasks, dialogs);
        viewModel.setRowHistory(id -> actions.rowHistory(request.connection(), request.table(), id));
        viewModel.setTimeTravel(at -> actions.timeTravel(request.connection(), request.table(), at));
        HistoryView view = new HistoryView(viewModel);
        viewModel.load();
        return screen(request.table() + " · history", view.root(), viewModel::load, () -> { });
    }

    /** The table as it stood at the request's moment, read-only, with the filter builder on demand. */
    private Screen timeTravel(WorkspaceRequest request) {
        Instant at = request.row() instanceof Instant i ? i : Instant.now();
        TimeTravelViewModel viewModel = new TimeTravelViewModel(request.connection().connector(), request.table(), at, tasks);
        FilterBuilderViewModel filter = new FilterBuilderViewModel(request.connection().connector(), request.connection().name(), request.table(), tasks, dialogs);
        TimeTravelView view = new TimeTravelView(viewModel, filter);
        viewModel.load();
        return screen(request.table() + " · as of " + RecordHistoryView.WHEN.format(at), view.root(), viewModel::load, () -> { });
    }

    /** One record's timeline and comparisons. */
    private Screen recordHistory(WorkspaceRequest request) {
        RecordHistoryViewModel viewModel = new RecordHistoryViewModel(request.connection().connector(), request.table(), request.row(), tasks, dialogs);
        viewModel.setOnRestored(() -> actions.tableChanged(request.connection(), request.table()));
        viewModel.setTimeTravel(at -> actions.timeTravel(request.connection(), request.table(), at));
        RecordHistoryView view = new RecordHistoryView(viewModel);
        viewModel.load();
        return screen(request.table() + " " + request.row() + " · history", view.root(), viewModel::load, () -> { });
    }

    /** A table's rows in the grid, with the filter builder docked above it on demand. */
    private Screen data(WorkspaceRequest request) {
        String table = request.table();
        LabelFields labels = labelFields.computeIfAbsent(request.connection().name(), name -> LabelFields.remembered(dataDir, name));
        TableDataView.Tables tables = new TableDataView.Tables() {
            @Override
            public GridViewModel grid(String name) {
                GridViewModel grid = new GridViewModel(request.connection().connector(), name, tasks, dialogs, labels);
                grid.writeAtOnceProperty().bindBidirectional(writeAtOnce);
                grid.setRowHistory(id -> actions.rowHistory(request.connection(), name, id));
                grid.setTimeTravel(at -> actions.timeTravel(request.connection(), name, at));
                return grid;
            }

            @Override
            public FilterBuilderViewModel filter(String name) {
                return new FilterBuilderViewModel(request.connection().connector(), request.connection().name(), name, tasks, dialogs);
            }

            @Override
            public JoinedResultViewModel joined(List<String> names, Filter filter) {
                return new JoinedResultViewModel(request.connection().connector(), names, filter, tasks);
            }
        };
        GridViewModel grid = tables.grid(table);
        TableDataView view = new TableDataView(grid, tables.filter(table), builderShare, tables);
        // The navigator's count follows rows added or deleted here (an exact count of the whole table only).
        grid.rowCountProperty().addListener((obs, old, count) -> {
            if (grid.rowCountExactProperty().get() && (grid.filterProperty().get() == null || grid.filterProperty().get().isEmpty())) {
                request.connection().updateCount(table, count.longValue());
            }
        });
        grid.open();
        return new DataScreen() {
            @Override
            public String title() {
                return table;
            }

            @Override
            public GridViewModel grid() {
                return grid;
            }

            @Override
            public void takeOver(Screen before) {
                if (before instanceof DataScreen old) {
                    grid.takeUnsavedFrom(old.grid());
                }
            }

            @Override
            public Node content() {
                return view.root();
            }

            @Override
            public void reload() {
                view.reload();
            }

            @Override
            public void showFilter() {
                view.showFilter();
            }

            @Override
            public boolean mayClose() {
                int unsaved = grid.pendingCountProperty().get()
                        + (view.grid() == grid ? 0 : view.grid().pendingCountProperty().get());
                return unsaved == 0 || dialogs.confirm("Close " + table, unsaved == 1 ? "1 change is not saved"
                        : unsaved + " changes are not saved", "Closing the tab forgets them; the table stays as it is stored. "
                        + "Cancel and press Ctrl+S to save them.", "Close and forget");
            }
        };
    }

    /** A table's data screen: another one takes its grid's unsaved work over when the table is renamed. */
    private interface DataScreen extends Screen {
        GridViewModel grid();
    }

    private Screen designer(WorkspaceRequest request) {
        TableDesignerViewModel viewModel = new TableDesignerViewModel(request.connection().connector(), request.table(), tasks, dialogs);
        DiagramViewModel origin = request.table() == null ? newTableFrom.remove(request.connection()) : null;
        TableDesignerView view = new TableDesignerView(viewModel);
        viewModel.statusProperty().addListener((obs, old, status) -> {
            if (status != null && status.startsWith("Applied")) {
                if (origin != null) {
                    // A table made after "New table" on a diagram goes where the user asked for it there.
                    origin.tableCreated(viewModel.tableNameProperty().get());
                }
                changed(request.connection());
                // Open grids and filter builders of the table show the new design.
                if (request.table() != null) {
                    actions.tableChanged(request.connection(), request.table());
                }
            }
        });
        viewModel.deletedProperty().addListener((obs, old, deleted) -> {
            if (deleted) {
                changed(request.connection());
            }
        });
        viewModel.load();
        String title = request.table() == null ? "New table" : request.table() + " · design";
        return screen(title, view.root(), viewModel::load, () -> { });
    }

    private Screen diagram(WorkspaceRequest request) {
        DiagramViewModel viewModel = new DiagramViewModel(request.connection().connector(), request.connection().name(), tasks, dialogs,
                new DiagramPositions(dataDir));
        DiagramView view = new DiagramView(viewModel);
        view.setOnOpenTable(table -> actions.design(request.connection(), table));
        view.setOnHistory(table -> actions.history(request.connection(), table),
                table -> actions.timeTravel(request.connection(), table, Instant.now()));
        view.setOnNewTable(() -> {
            newTableFrom.put(request.connection(), viewModel);
            actions.design(request.connection(), null);
        });
        viewModel.changedProperty().addListener((obs, old, count) -> tablesChanged.accept(request.connection()));
        diagrams.computeIfAbsent(request.connection(), c -> new ArrayList<>()).add(viewModel);
        viewModel.load();
        return screen("Diagram · " + request.connection().name(), view.root(), viewModel::load, () -> {
            diagrams.getOrDefault(request.connection(), new ArrayList<>()).remove(viewModel);
            view.dispose();
        });
    }

    private Screen console(WorkspaceRequest request) {
        ConsoleViewModel viewModel = new ConsoleViewModel(request.connection().connector(),
                new QueryHistory(dataDir.resolve("query-history"), request.connection().name()), tasks);
        ConsoleView view = new ConsoleView(viewModel);
        Screen plain = screen("SQL · " + request.connection().name(), view.root(), viewModel::refreshSchema, view::dispose);
        return new Screen() {
            @Override
            public String title() {
                return plain.title();
            }

            @Override
            public Node content() {
                return plain.content();
            }

            @Override
            public void reload() {
                plain.reload();
            }

            @Override
            public void dispose() {
                plain.dispose();
            }

            @Override
            public void focus() {
                KeyboardFocus.onto(view.editor());
            }
        };
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
