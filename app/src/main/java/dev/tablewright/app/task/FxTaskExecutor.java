package dev.tablewright.app.task;

import dev.tablewright.core.base.TablewrightException;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Runs work on background threads and its callbacks through {@link Platform#runLater}. */
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);
    private static final int THREADS = 4;
    /** How long closing waits for short work already running. */
    private static final int SHORT_WORK_GRACE_SECONDS = 10;

    private final ExecutorService pool;
    private final ExecutorService longPool;
    private final Executor fxThread;
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();
    private final ObservableList<RunningTask> runningView = FXCollections.unmodifiableObservableList(running);

    public FxTaskExecutor() {
        this(Platform::runLater);
    }

    /** {@code fxThread} runs the callbacks; tests pass their own to check the hand-over without a toolkit. */
    FxTaskExecutor(Executor fxThread) {
        this.fxThread = fxThread;
        this.pool = Executors.newFixedThreadPool(THREADS, new DaemonThreads("tablewright-task-"));
        // Long work (a slow query, an export) gets its own threads, so it never holds up the short
        // calls that keep the screens answering.
        this.longPool = Executors.newCachedThreadPool(new DaemonThreads("tablewright-long-task-"));
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        if (pool.isShutdown()) {
            // The window is closing: a callback that asks for more work (row counts after the
            // table list, say) gets none, and nothing is shown.
            return;
        }
        pool.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable failure) {
                // Like javafx.concurrent.Task: an Error in the work is still shown to the user
                // rather than leaving the screen waiting for an answer that never comes.
                log(failure);
                fxThread.execute(() -> onFailure.accept(failure));
                return;
            }
            fxThread.execute(() -> onSuccess.accept(result));
        });
    }

    @Override
    public <T> RunningTask run(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        RunningTask task = new RunningTask(title, fxThread);
        if (longPool.isShutdown()) {
            return task;
        }
        fxThread.execute(() -> running.add(task));
        longPool.execute(() -> {
            task.attach(Thread.currentThread());
            T result = null;
            Throwable failure = null;
            try {
                result = work.call(task.context());
            } catch (Throwable t) {
                failure = t;
            } finally {
                task.detach();
                Thread.interrupted();
            }
            Throwable outcome = task.isCancelRequested() ? cancelled(title, failure) : failure;
            if (failure != null && !task.isCancelRequested()) {
                log(failure);
            }
            T value = result;
            fxThread.execute(() -> {
                running.remove(task);
                if (outcome != null) {
                    onFailure.accept(outcome);
                } else {
                    onSuccess.accept(value);
                }
            });
        });
        return task;
    }

    /**
     * A refusal with an error code is the user's to read and needs no trace; anything else is
     * a failure of ours, kept with its stack trace for the bug report.
     */
    private static void log(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TablewrightException) {
                LOG.info("A task failed: {}", Failures.describe(failure));
                return;
            }
        }
        LOG.warn("A task failed", failure);
    }

    static CancellationException cancelled(String title, Throwable cause) {
        CancellationException e = new CancellationException(title + " was cancelled");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    @Override
    public ObservableList<RunningTask> runningTasks() {
        return runningView;
    }

    /**
     * Drops the work not started, interrupts long work, and waits a moment for the short work
     * already running: a database call ignores the interrupt, and one that ended after the app
     * had stopped (opening the sample file, say) wrote into a folder its owner was removing.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        longPool.shutdownNow();
        try {
            if (!pool.awaitTermination(SHORT_WORK_GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Short work still running {} s after closing; left to finish on its own", SHORT_WORK_GRACE_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Daemon threads, so work still running never keeps the app from exiting. */
    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();
        private final String prefix;

        DaemonThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
