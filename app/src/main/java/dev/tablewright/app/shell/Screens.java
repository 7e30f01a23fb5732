package dev.tablewright.app.shell;

import dev.tablewright.app.console.ConsoleView;
import dev.tablewright.app.console.ConsoleViewModel;
import dev.tablewright.app.console.QueryHistory;
import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.history.HistoryView;
import dev.tablewright.app.history.HistoryViewModel;
import dev.tablewright.app.task.TaskExecutor;
import javafx.scene.Node;

import java.nio.file.Path;
import java.util.Optional;

/** Builds the feature screens the workspace tabs show, one per kind of request. */
public final class Screens implements Screen.Factory {
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Path dataDir;

    public Screens(TaskExecutor tasks, DialogService dialogs, Path dataDir) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.dataDir = dataDir;
    }

    @Override
    public Optional<Screen> create(WorkspaceRequest request) {
        return switch (request.kind()) {
            case HISTORY -> Optional.of(history(request));
            case CONSOLE -> Optional.of(console(request));
            default -> Optional.empty();
        };
    }

    private Screen history(WorkspaceRequest request) {
        HistoryViewModel viewModel = new HistoryViewModel(request.connection().connector(), request.table(), tasks);
        HistoryView view = new HistoryView(viewModel);
        viewModel.load();
        return screen(request.table() + " · history", view.root(), viewModel::load, () -> { });
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
