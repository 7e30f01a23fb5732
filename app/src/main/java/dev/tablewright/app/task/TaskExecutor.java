package dev.tablewright.app.task;

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
     * {@code onSuccess} with its result, or {@code onFailure} with what it threw.
     */
    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Stops taking work; work still running is interrupted. */
    @Override
    void close();
}
