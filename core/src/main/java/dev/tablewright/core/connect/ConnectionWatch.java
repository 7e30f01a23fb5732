package dev.tablewright.core.connect;

import dev.tablewright.core.base.TablewrightException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Follows whether calls reach the database and tells listeners when that changes. One per
 * connector, kept across its sessions so that a loss is still known when the connector connects
 * again. A call that works costs one volatile read.
 */
public final class ConnectionWatch {
    private final List<Consumer<ConnectionEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean lost;

    /** Adds a listener; it is called on the thread whose call noticed the change. */
    public void listen(Consumer<ConnectionEvent> listener) {
        listeners.add(listener);
    }

    /** Whether the last call that said anything about the connection found it gone. */
    public boolean isLost() {
        return lost;
    }

    /** A call failed because the database cannot be reached. */
    public void failed(TablewrightException failure) {
        if (lost) {
            return;
        }
        synchronized (this) {
            if (lost) {
                return;
            }
            lost = true;
            fire(new ConnectionEvent(ConnectionEvent.Kind.LOST, failure.code() + ": " + failure.getMessage()));
        }
    }

    /** A call reached the database and worked. */
    public void succeeded() {
        if (!lost) {
            return;
        }
        synchronized (this) {
            if (!lost) {
                return;
            }
            lost = false;
            fire(new ConnectionEvent(ConnectionEvent.Kind.RESTORED, ""));
        }
    }

    // Under the lock, so every listener sees LOST and RESTORED alternate in the order they happened.
    private void fire(ConnectionEvent event) {
        for (Consumer<ConnectionEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException listenerFailure) {
                // A listener's own bug must not turn the call that noticed the change into a failure.
            }
        }
    }
}
