package dev.tablewright.app.task;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs the work and its callback at once on the calling thread: ViewModel tests need no FX thread.
 * Long work runs the same way; a test that wants to see it cancelled cancels the returned task
 * from inside the work, or calls {@link #cancelNextRun()} first.
 */
public final class SameThreadTaskExecutor implements TaskExecutor {
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();
    private boolean cancelNext;

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable failure) {
            onFailure.accept(failure);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public <T> RunningTask run(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        RunningTask task = new RunningTask(title, Runnable::run);
        if (cancelNext) {
            cancelNext = false;
            task.cancel();
        }
        running.add(task);
        T result = null;
        Throwable failure = null;
        try {
            result = work.call(task.context());
        } catch (Throwable t) {
            failure = t;
        }
        running.remove(task);
        if (task.isCancelRequested()) {
            onFailure.accept(FxTaskExecutor.cancelled(title, failure));
        } else if (failure != null) {
            onFailure.accept(failure);
        } else {
            onSuccess.accept(result);
        }
        return task;
    }

    /** The next {@link #run} starts already cancelled, as if the user pressed Cancel at once. */
    public void cancelNextRun() {
        cancelNext = true;
    }

    @Override
    public ObservableList<RunningTask> runningTasks() {
        return running;
    }

    @Override
    public void close() {
    }
}
