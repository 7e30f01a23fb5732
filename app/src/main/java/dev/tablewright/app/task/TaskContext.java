package dev.tablewright.app.task;

/** What long work sees of its task: where to report progress, and whether it was cancelled. */
public interface TaskContext {

    /** Reports {@code done} of {@code total} steps ({@code total} &lt; 0 when unknown), with a line for the status bar. */
    void progress(long done, long total, String message);

    boolean isCancelled();

    /**
     * Runs {@code action} when the task is cancelled (at once if it already is): how work that
     * blocks in a driver, a running statement say, is stopped with {@code Statement.cancel()}.
     */
    void onCancel(Runnable action);

    /** A context for work run outside any task: never cancelled, progress goes nowhere. */
    static TaskContext none() {
        return new TaskContext() {
            @Override
            public void progress(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void onCancel(Runnable action) {
            }
        };
    }
}
