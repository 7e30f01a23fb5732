package dev.tablewright.app.task;

import dev.tablewright.core.base.TablewrightException;

import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;

/**
 * How a failed task reaches the user, on every screen: {@code CODE: message}. The code is the
 * core's error code when the failure is (or wraps) a {@link TablewrightException}, {@code CANCELLED}
 * for cancelled work, and {@code ERROR} for anything else, so no failure is shown without one.
 */
public final class Failures {

    private Failures() {
    }

    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TablewrightException e) {
                return e.code() + ": " + e.getMessage();
            }
        }
        if (failure instanceof CancellationException) {
            return "CANCELLED: " + failure.getMessage() + ".";
        }
        // An UncheckedIOException's own message repeats its cause's class name; the cause says it plainly.
        Throwable shown = failure instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : failure;
        return "ERROR: " + (shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage());
    }
}
