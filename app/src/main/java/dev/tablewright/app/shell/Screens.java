package dev.tablewright.app.shell;

import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.task.TaskExecutor;

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
        return Optional.empty();
    }
}
