package dev.tablewright.core.base;

/** The stable error codes of the connector contract (CONNECTOR.md section 9). */
public enum ErrorCode {
    CONNECTION_FAILED,
    NOT_CONNECTED,
    INVALID_NAME,
    UNKNOWN_TABLE,
    UNKNOWN_FIELD,
    INVALID_FILTER,
    INVALID_VALUE,
    NOT_FOUND,
    UNIQUE_VIOLATION,
    NOT_NULL_VIOLATION,
    FOREIGN_KEY_VIOLATION,
    INVALID_ARGUMENT,
    /**
     * Beyond the contract's list (issue 11): another connection or program holds the database's
     * write lock (SQLite lets one writer in at a time) past the time the workbench waits.
     */
    DATABASE_BUSY,
    SQL_ERROR
}
