package dev.tablewright.app.connection;

/**
 * A failure of the connection manager's own files or secrets (not of a database): a stable code
 * and a message that says what happened and what the user can do.
 */
public final class ConnectionSetupException extends RuntimeException {

    /** What went wrong. */
    public enum Code {
        /** The profiles file exists but cannot be read as profiles; a backup was kept. */
        PROFILES_UNREADABLE,
        /** The profiles file could not be written; the previous one is unchanged. */
        PROFILES_UNWRITABLE,
        /** The encrypted passwords file cannot be read. */
        SECRETS_UNREADABLE,
        /** The encrypted passwords file could not be written; the previous one is unchanged. */
        SECRETS_UNWRITABLE,
        /** The master password does not open the encrypted passwords file. */
        WRONG_MASTER_PASSWORD,
        /** The OS keyring refused or failed a request. */
        KEYRING_FAILED
    }

    private final Code code;

    public ConnectionSetupException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public ConnectionSetupException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
