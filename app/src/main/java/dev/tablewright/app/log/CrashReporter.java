package dev.tablewright.app.log;

import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.task.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What happens to an exception nobody caught, on any thread (the FX thread included): it is
 * logged with its stack trace and the user sees a dialog with the message and where the log is.
 * The app keeps running; it never exits silently or leaves the trace on a console nobody reads.
 * One dialog at a time: errors that come while it is open (a failing cell repainted in a loop, say)
 * are only logged.
 */
public final class CrashReporter implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CrashReporter.class);
    public static final String TITLE = "Unexpected error";

    private final Executor fxThread;
    private final Supplier<DialogService> dialogs;
    private final Supplier<Path> logFile;
    private final AtomicBoolean showing = new AtomicBoolean();

    /**
     * {@code fxThread} runs the dialog; {@code dialogs} is asked at the time of the error (the main
     * window's may not exist yet); {@code logFile} says where the details went.
     */
    public CrashReporter(Executor fxThread, Supplier<DialogService> dialogs, Supplier<Path> logFile) {
        this.fxThread = fxThread;
        this.dialogs = dialogs;
        this.logFile = logFile;
    }

    /**
     * Makes this the handler of {@code fxThread} and of every thread that has none of its own;
     * the returned action puts the previous handlers back (the tests start the app many times in
     * one JVM, and a stopped app must not answer for the next one).
     */
    public Runnable install(Thread fxThread) {
        Thread.UncaughtExceptionHandler previousDefault = Thread.getDefaultUncaughtExceptionHandler();
        Thread.UncaughtExceptionHandler previousFx = fxThread.getUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(this);
        fxThread.setUncaughtExceptionHandler(this);
        return () -> {
            if (Thread.getDefaultUncaughtExceptionHandler() == this) {
                Thread.setDefaultUncaughtExceptionHandler(previousDefault);
            }
            if (fxThread.getUncaughtExceptionHandler() == this) {
                fxThread.setUncaughtExceptionHandler(previousFx);
            }
        };
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Unexpected error on thread {}", thread.getName(), error);
        if (!showing.compareAndSet(false, true)) {
            return;
        }
        String message = message(error, logFile.get());
        try {
            fxThread.execute(() -> {
                try {
                    dialogs.get().showError(TITLE, message);
                } catch (RuntimeException | Error dialogFailed) {
                    LOG.error("Could not show the error dialog", dialogFailed);
                } finally {
                    showing.set(false);
                }
            });
        } catch (RuntimeException noToolkit) {
            // Before the window exists or after it is gone: the console is all there is.
            showing.set(false);
            System.err.println(TITLE + ": " + message);
        }
    }

    /** The dialog's text: what went wrong, with its code, and where the details are. */
    public static String message(Throwable error, Path logFile) {
        String where = logFile == null
                ? "The details were written to the console."
                : "The details are in the log file:\n" + logFile + "\nPlease attach it when you report this problem.";
        return Failures.describe(error) + "\n\nTablewright keeps running, but the action that failed may not have finished.\n" + where;
    }
}
