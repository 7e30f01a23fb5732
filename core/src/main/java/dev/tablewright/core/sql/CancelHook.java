package dev.tablewright.core.sql;

/**
 * Where a caller learns how to stop a running raw statement from another thread. The core hands
 * over an action that cancels the statement (JDBC {@code Statement.cancel()}); the caller runs it
 * when the user presses Cancel, at any time, from any thread, more than once. A task framework's
 * "run this when cancelled" method fits as is: {@code connector.query(sql, params, context::onCancel)}.
 */
@FunctionalInterface
public interface CancelHook {

    /** Registers the action that cancels the call; run it to cancel. */
    void onCancel(Runnable cancel);

    /** A hook for calls nobody will cancel. */
    static CancelHook none() {
        return cancel -> {
        };
    }
}
