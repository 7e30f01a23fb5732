package dev.tablewright.app.connection;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.connect.ConnectOptions;
import dev.tablewright.core.connect.ConnectionEvent;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One open connection of a profile, with its own {@link Connector} (and so its own pool). Its
 * {@link #stateProperty() state} tells whether it is usable: any call that finds the server gone,
 * made through {@link #call} or on the {@link #connector()} directly, turns it {@link State#LOST}
 * and says why in {@link #problemProperty() problem}; the next call that works (or
 * {@link #check()}) makes it {@link State#OPEN} again.
 *
 * <p>Calls block: make them from work run by the task executor. The properties change on the FX
 * thread.
 */
public final class OpenConnection {

    /** Whether the connection can be used. */
    public enum State { OPEN, LOST, CLOSED }

    /** Work done with the connector, through {@link #call}. */
    @FunctionalInterface
    public interface ConnectorCall<T> {
        T call(Connector connector);
    }

    private final ConnectionProfile profile;
    private final ConnectOptions options;
    private final Connector connector;
    private final Executor fxThread;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.OPEN);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private volatile State current = State.OPEN;

    OpenConnection(ConnectionProfile profile, ConnectOptions options, Connector connector, Executor fxThread) {
        this.profile = profile;
        this.options = options;
        this.connector = connector;
        this.fxThread = fxThread;
        connector.onConnectionEvent(this::connectionEvent);
    }

    public String profileName() {
        return profile.name();
    }

    public ConnectionProfile profile() {
        return profile;
    }

    public DialectKind dialect() {
        return profile.dialect();
    }

    /**
     * The connector itself. Calls made on it directly are watched too: one that finds the server
     * gone turns the connection {@link State#LOST}, and one that works after the server's return
     * turns it {@link State#OPEN} (its pool replaces dead connections). Only {@link #call} also
     * rewrites the failure to say the next action will try again.
     */
    public Connector connector() {
        return connector;
    }

    /**
     * Runs {@code work} with the connector. If the connection was lost, it connects again first;
     * if the work fails because the server is gone, the connection turns {@link State#LOST} and the
     * failure is a {@code CONNECTION_FAILED} that says the next action will try again.
     */
    public <T> T call(ConnectorCall<T> work) {
        if (current == State.CLOSED) {
            throw new TablewrightException(ErrorCode.NOT_CONNECTED,
                    "The connection '" + profile.name() + "' is closed. Open it again from the connection list.");
        }
        if (current == State.LOST) {
            reconnect();
        }
        try {
            return work.call(connector);
        } catch (TablewrightException e) {
            if (current != State.CLOSED && looksLikeLostConnection(e)) {
                String why = "Lost the connection to '" + profile.name() + "': " + e.getMessage()
                        + ". It is tried again on the next action.";
                setState(State.LOST, ErrorCode.CONNECTION_FAILED + ": " + why);
                throw new TablewrightException(ErrorCode.CONNECTION_FAILED, why, e);
            }
            throw e;
        }
    }

    /**
     * Asks the server whether it is there, and brings a lost connection back when it is.
     * Returns the state found.
     */
    public State check() {
        if (current == State.CLOSED) {
            return State.CLOSED;
        }
        if (current == State.LOST) {
            try {
                reconnect();
            } catch (TablewrightException stillGone) {
                return State.LOST;
            }
            return State.OPEN;
        }
        if (!connector.isConnected()) {
            setState(State.LOST, ErrorCode.CONNECTION_FAILED + ": Lost the connection to '" + profile.name()
                    + "': the database does not answer. It is tried again on the next action.");
            return State.LOST;
        }
        return State.OPEN;
    }

    /** The server's name and version, e.g. "PostgreSQL 17.2". */
    public String serverVersion() {
        return call(OpenConnection::serverVersion);
    }

    static String serverVersion(Connector connector) {
        Map<String, Object> row = connector.queryOne(DialectKind.of(connector.dialect().name()).versionQuery(), List.of());
        return row == null ? "" : String.valueOf(row.get("version")).strip();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why the connection is lost ("CODE: message"); empty while it is open. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The state as of now, readable from any thread (the property follows it on the FX thread). */
    public State currentState() {
        return current;
    }

    void close() {
        setState(State.CLOSED, "");
        connector.close();
    }

    private synchronized void reconnect() {
        if (current != State.LOST) {
            return;
        }
        try {
            connector.create(options);
        } catch (TablewrightException e) {
            setState(State.LOST, e.code() + ": Still cannot reach '" + profile.name() + "': " + e.getMessage());
            throw new TablewrightException(e.code(), "Still cannot reach '" + profile.name() + "': " + e.getMessage(), e);
        }
        setState(State.OPEN, "");
    }

    /**
     * A failure that says the server went away, or one that might (a raw SQL error) when the
     * server then does not answer a ping; never a data error such as a unique violation.
     */
    private boolean looksLikeLostConnection(TablewrightException e) {
        return switch (e.code()) {
            case CONNECTION_FAILED, NOT_CONNECTED -> true;
            case SQL_ERROR -> !connector.isConnected();
            default -> false;
        };
    }

    /**
     * From the connector, on the thread of the call that noticed the change. Not synchronized: the
     * connector fires under its own lock, and {@link #reconnect} holds this one while connecting.
     */
    private void connectionEvent(ConnectionEvent event) {
        if (current == State.CLOSED) {
            return;
        }
        switch (event.kind()) {
            case LOST -> setState(State.LOST, ErrorCode.CONNECTION_FAILED + ": Lost the connection to '" + profile.name() + "': "
                    + withoutCode(event.reason()) + ". It is tried again on the next action.");
            case RESTORED -> {
                if (current == State.LOST) {
                    setState(State.OPEN, "");
                }
            }
        }
    }

    private static String withoutCode(String reason) {
        String prefix = ErrorCode.CONNECTION_FAILED + ": ";
        String why = reason.startsWith(prefix) ? reason.substring(prefix.length()) : reason;
        return why.endsWith(".") ? why.substring(0, why.length() - 1) : why;
    }

    private void setState(State next, String why) {
        current = next;
        fxThread.execute(() -> {
            state.set(next);
            problem.set(why);
        });
    }
}
