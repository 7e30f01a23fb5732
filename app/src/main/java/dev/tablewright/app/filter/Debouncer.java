package dev.tablewright.app.filter;

/**
 * Runs the last of a quick series of requests once the series pauses. The app waits a moment on
 * the FX thread ({@link FxDebouncer}); ViewModel tests run each request at once.
 */
@FunctionalInterface
public interface Debouncer {
    void schedule(Runnable action);
}
