package dev.tablewright.app.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One long task as the status bar shows it: title, progress (-1 while unknown, as a
 * {@code ProgressBar} expects), the last message, and a way to cancel it. Its properties change
 * on the FX thread only; {@link #context()} is what the work itself uses, from its own thread.
 */
public final class RunningTask {
    private final ReadOnlyStringWrapper title;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper cancelled = new ReadOnlyBooleanWrapper();
    private final Executor fxThread;
    private final List<Runnable> cancelActions = new ArrayList<>();
    private volatile boolean cancelRequested;
    private volatile Thread worker;
    private boolean progressPending;
    private long lastDone;
    private long lastTotal = -1;
    private String lastMessage = "";

    RunningTask(String title, Executor fxThread) {
        this.title = new ReadOnlyStringWrapper(title);
        this.fxThread = fxThread;
    }

    /** Asks the work to stop: runs its cancel actions and interrupts its thread. Safe from any thread, more than once. */
    public void cancel() {
        List<Runnable> actions;
        synchronized (cancelActions) {
            if (cancelRequested) {
                return;
            }
            cancelRequested = true;
            actions = List.copyOf(cancelActions);
        }
        fxThread.execute(() -> cancelled.set(true));
        for (Runnable action : actions) {
            runQuietly(action);
        }
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancelledProperty() {
        return cancelled.getReadOnlyProperty();
    }

    void attach(Thread thread) {
        worker = thread;
    }

    void detach() {
        worker = null;
    }

    /** The work's side of this task. */
    TaskContext context() {
        return new TaskContext() {
            @Override
            public void progress(long done, long total, String text) {
                report(done, total, text);
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested;
            }

            @Override
            public void onCancel(Runnable action) {
                boolean now;
                synchronized (cancelActions) {
                    now = cancelRequested;
                    if (!now) {
                        cancelActions.add(action);
                    }
                }
                if (now) {
                    runQuietly(action);
                }
            }
        };
    }

    /** Coalesces reports: work that reports a million times posts at most one update at a time to the FX thread. */
    private void report(long done, long total, String text) {
        boolean post;
        synchronized (this) {
            lastDone = done;
            lastTotal = total;
            lastMessage = text == null ? "" : text;
            post = !progressPending;
            progressPending = true;
        }
        if (post) {
            fxThread.execute(this::publish);
        }
    }

    private void publish() {
        long done;
        long total;
        String text;
        synchronized (this) {
            done = lastDone;
            total = lastTotal;
            text = lastMessage;
            progressPending = false;
        }
        progress.set(total > 0 ? Math.min(1.0, (double) done / total) : -1);
        message.set(text);
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // A cancel action that fails (the statement already finished, say) changes nothing:
            // the task still ends as cancelled.
        }
    }
}
