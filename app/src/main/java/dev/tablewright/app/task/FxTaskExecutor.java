package dev.tablewright.app.task;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Runs work on a small pool of background threads and its callbacks through {@link Platform#runLater}. */
public final class FxTaskExecutor implements TaskExecutor {
    private static final int THREADS = 4;

    private final ExecutorService pool;
    private final Executor fxThread;

    public FxTaskExecutor() {
        this(Platform::runLater);
    }

    /** {@code fxThread} runs the callbacks; tests pass their own to check the hand-over without a toolkit. */
    FxTaskExecutor(Executor fxThread) {
        this.fxThread = fxThread;
        this.pool = Executors.newFixedThreadPool(THREADS, new DaemonThreads());
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        pool.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable failure) {
                // Like javafx.concurrent.Task: an Error in the work is still shown to the user
                // rather than leaving the screen waiting for an answer that never comes.
                fxThread.execute(() -> onFailure.accept(failure));
                return;
            }
            fxThread.execute(() -> onSuccess.accept(result));
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Daemon threads, so work still running never keeps the app from exiting. */
    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "tablewright-task-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
