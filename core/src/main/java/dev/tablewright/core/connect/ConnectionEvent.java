package dev.tablewright.core.connect;

/**
 * A change in whether the database can be reached, as calls find it: {@link Kind#LOST} when a call
 * fails because the connection or the server is gone, {@link Kind#RESTORED} when a later call
 * works again.
 *
 * @param kind   what happened
 * @param reason for {@link Kind#LOST}, the failure's message ("CONNECTION_FAILED: ..."); empty for
 *               {@link Kind#RESTORED}
 */
public record ConnectionEvent(Kind kind, String reason) {

    /** Whether the connection went away or came back. */
    public enum Kind { LOST, RESTORED }
}
