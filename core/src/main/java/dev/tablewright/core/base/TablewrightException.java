package dev.tablewright.core.base;

import dev.tablewright.core.base.ErrorCode;
/** Every failure of the connector: a stable {@link ErrorCode} and a message a person can act on. */
public class TablewrightException extends RuntimeException {
    private final ErrorCode code;

    public TablewrightException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public TablewrightException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
