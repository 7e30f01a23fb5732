package dev.tablewright.app.log;

import dev.tablewright.app.navigator.NavigatorConnection;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Logs how long the start took, counted from the moment the operating system started the process:
 * when the main window is shown and when the first connection's tables are listed. The start-up
 * benchmark (installer/measure-startup.sh) reads these lines; a user's log shows a slow start.
 */
public final class StartupTimes {
    private static final Logger LOG = LoggerFactory.getLogger(StartupTimes.class);
    static final String WINDOW_SHOWN = "Start-up: window shown after {} ms";
    static final String TABLES_LISTED = "Start-up: tables listed after {} ms";

    private StartupTimes() {
    }

    /** Milliseconds since the process started (since this class was loaded when the OS does not say). */
    public static long sinceProcessStart() {
        Instant started = ProcessHandle.current().info().startInstant().orElse(Holder.LOADED);
        return Duration.between(started, Instant.now()).toMillis();
    }

    public static void windowShown() {
        LOG.info(WINDOW_SHOWN, sinceProcessStart());
    }

    /** Logs once, when the first of {@code connections} has listed a table. */
    public static void whenTablesListed(ObservableList<NavigatorConnection> connections) {
        ListChangeListener<Object> onTables = new ListChangeListener<>() {
            private boolean logged;

            @Override
            public void onChanged(Change<?> change) {
                if (!logged && connections.stream().anyMatch(c -> !c.tables().isEmpty())) {
                    logged = true;
                    LOG.info(TABLES_LISTED, sinceProcessStart());
                }
            }
        };
        connections.addListener((ListChangeListener<NavigatorConnection>) change -> {
            while (change.next()) {
                // tables(), not allTables(): the latter is a new read-only view at each call, which
                // holds its listeners only as long as someone holds the view.
                change.getAddedSubList().forEach(c -> c.tables().addListener(onTables));
            }
        });
    }

    private static final class Holder {
        static final Instant LOADED = Instant.now();
    }
}
