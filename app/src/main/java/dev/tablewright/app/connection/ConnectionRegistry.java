package dev.tablewright.app.connection;

import dev.tablewright.core.Connector;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The connections open in this session, one per profile, each with its own {@link Connector}.
 * Every feature gets its connector from here, so a lost connection is noticed and recovered in one
 * place (see {@link OpenConnection}).
 *
 * <p>{@link #open}, {@link #close}, {@link #closeAll} and {@link #checkAll} block: run them through
 * the task executor. {@link #connections()} changes on the FX thread.
 */
public final class ConnectionRegistry implements AutoCloseable {
    private final Executor fxThread;
    private final Map<String, OpenConnection> open = new LinkedHashMap<>();
    private final ObservableList<OpenConnection> connections = FXCollections.observableArrayList();
    private final ObservableList<OpenConnection> connectionsView = FXCollections.unmodifiableObservableList(connections);

    /** {@code fxThread} is where the observable state changes: {@code Platform::runLater} in the app, {@code Runnable::run} in tests. */
    public ConnectionRegistry(Executor fxThread) {
        this.fxThread = fxThread;
    }

    /**
     * Connects with the profile and the password for this session ({@code null} for SQLite), or
     * returns the profile's connection when it is already open.
     *
     * @throws dev.tablewright.core.base.TablewrightException {@code CONNECTION_FAILED} with the reason
     */
    public OpenConnection open(ConnectionProfile profile, String password) {
        synchronized (open) {
            OpenConnection existing = open.get(profile.name());
            if (existing != null && existing.currentState() != OpenConnection.State.CLOSED) {
                return existing;
            }
        }
        Connector connector = Connector.connect(profile.options(password));
        OpenConnection connection = new OpenConnection(profile, profile.options(password), connector, fxThread);
        OpenConnection raced;
        synchronized (open) {
            raced = open.get(profile.name());
            if (raced == null || raced.currentState() == OpenConnection.State.CLOSED) {
                open.put(profile.name(), connection);
                raced = null;
            }
        }
        if (raced != null) {
            connector.close();
            return raced;
        }
        fxThread.execute(() -> connections.add(connection));
        return connection;
    }

    /** The open connection of that profile, if there is one. */
    public Optional<OpenConnection> find(String profileName) {
        synchronized (open) {
            return Optional.ofNullable(open.get(profileName));
        }
    }

    /** Closes the connection and its pool; it turns {@link OpenConnection.State#CLOSED}. */
    public void close(OpenConnection connection) {
        synchronized (open) {
            open.remove(connection.profileName(), connection);
        }
        connection.close();
        fxThread.execute(() -> connections.remove(connection));
    }

    /** Closes every open connection (when the app exits). */
    public void closeAll() {
        List<OpenConnection> all;
        synchronized (open) {
            all = new ArrayList<>(open.values());
        }
        for (OpenConnection connection : all) {
            close(connection);
        }
    }

    /** {@link OpenConnection#check() Checks} every open connection: lost ones are noticed, and come back if their server has. */
    public void checkAll() {
        List<OpenConnection> all;
        synchronized (open) {
            all = new ArrayList<>(open.values());
        }
        for (OpenConnection connection : all) {
            connection.check();
        }
    }

    /** The open connections, oldest first; changes on the FX thread. */
    public ObservableList<OpenConnection> connections() {
        return connectionsView;
    }

    @Override
    public void close() {
        closeAll();
    }
}
