package dev.tablewright.app.task;

import javafx.collections.ObservableList;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where every database call of the app runs: off the FX thread, with its outcome handed back on
 * it. ViewModels take one of these, so their tests can swap in an executor that runs everything
 * on the calling thread.
 */
public interface TaskExecutor extends AutoCloseable {

    /**
     * Runs {@code work} in the background, then exactly one of the callbacks on the FX thread:
     * {@code onSuccess} with its result, or {@code onFailure} with what it threw. For short work
     * that the status bar need not show.
     */
    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /**
     * Runs long work that the status bar lists under {@code title}, with the progress the work
     * reports, until it ends; the user (or the caller, through the returned task) can cancel it.
     * A cancelled task ends with {@code onFailure} receiving a
     * {@link java.util.concurrent.CancellationException}, whatever the work did after.
     */
    <T> RunningTask run(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** The tasks started with {@link #run} that have not ended yet, oldest first; changed on the FX thread. */
    ObservableList<RunningTask> runningTasks();

    /** Stops taking work; work still running is interrupted. */
    @Override
    void close();

    /** Long work: it reports progress and looks at {@link TaskContext#isCancelled()} between steps. */
    @FunctionalInterface
    interface Work<T> {
        T call(TaskContext context) throws Exception;
    }
}
