package dev.tablewright.app.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs the work and its callback at once on the calling thread: ViewModel tests need no FX thread. */
public final class SameThreadTaskExecutor implements TaskExecutor {

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
    public void close() {
    }
}
