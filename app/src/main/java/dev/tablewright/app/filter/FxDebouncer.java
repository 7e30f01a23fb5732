package dev.tablewright.app.filter;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** Waits for a pause in requests on the FX thread, then runs the latest one. */
public final class FxDebouncer implements Debouncer {
    private final PauseTransition pause;
    private Runnable latest;

    public FxDebouncer(Duration quiet) {
        pause = new PauseTransition(quiet);
        pause.setOnFinished(e -> {
            Runnable r = latest;
            latest = null;
            if (r != null) {
                r.run();
            }
        });
    }

    @Override
    public void schedule(Runnable action) {
        latest = action;
        pause.playFromStart();
    }
}
