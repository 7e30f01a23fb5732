package dev.tablewright.app.log;

import dev.tablewright.app.navigator.NavigatorConnection;
import dev.tablewright.app.navigator.NavigatorTable;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Logs how long the start took, counted from the moment the operating system started the process:
 * when the main window is shown and when the first connection's tables are listed; and, for each
 * connection the navigator shows, the first time its tables are listed (which databases a session
 * opened, for a bug report). The start-up benchmark and the packaged app's smoke test read these
 * lines (installer/measure-startup.sh, installer/smoke-test.sh).
 */
public final class StartupTimes {
    private static final Logger LOG = LoggerFactory.getLogger(StartupTimes.class);
    static final String WINDOW_SHOWN = "Start-up: window shown after {} ms";
    static final String TABLES_LISTED = "Start-up: tables listed after {} ms";
    static final String CONNECTION_LISTED = "Opened {} ({}): {} tables";

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

    /**
     * Logs once when the first of {@code connections} has listed a table, and once per connection
     * when it has; {@code thenIdle} runs once, after the first (start-up is over for the user).
     */
    public static void whenTablesListed(ObservableList<NavigatorConnection> connections, Runnable thenIdle) {
        boolean[] startLogged = {false};
        connections.addListener((ListChangeListener<NavigatorConnection>) change -> {
            while (change.next()) {
                for (NavigatorConnection connection : change.getAddedSubList()) {
                    // tables(), not allTables(): the latter is a new read-only view at each call,
                    // which holds its listeners only as long as someone holds the view.
                    connection.tables().addListener(new ListChangeListener<NavigatorTable>() {
                        @Override
                        public void onChanged(Change<? extends NavigatorTable> tables) {
                            if (connection.tables().isEmpty()) {
                                return;
                            }
                            connection.tables().removeListener(this);
                            if (!startLogged[0]) {
                                startLogged[0] = true;
                                LOG.info(TABLES_LISTED, sinceProcessStart());
                                thenIdle.run();
                            }
                            LOG.info(CONNECTION_LISTED, connection.name(), connection.description(), connection.tables().size());
                        }
                    });
                }
            }
        });
    }

    private static final class Holder {
        static final Instant LOADED = Instant.now();
    }
}
