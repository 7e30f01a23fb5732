package dev.tablewright.core.filter;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;

/**
 * A filter refused, with where: {@link #at()} is the path of the offending part in the array as
 * written ({@code filter[2][1]}), so an editor can mark it. INVALID_FILTER for a malformed filter,
 * UNKNOWN_FIELD for a field the queried tables do not have.
 */
public final class FilterException extends TablewrightException {
    private final String at;

    private FilterException(ErrorCode code, String at, String message) {
        super(code, message);
        this.at = at;
    }

    static FilterException invalid(String at, String why) {
        return new FilterException(ErrorCode.INVALID_FILTER, at, "Invalid filter at " + at + ": " + why + ".");
    }

    /** {@code cause} (INVALID_FILTER or UNKNOWN_FIELD from resolving a field) said at its position. */
    static FilterException at(String at, TablewrightException cause) {
        if (cause instanceof FilterException f) {
            return f;
        }
        String prefix = cause.code() == ErrorCode.INVALID_FILTER ? "Invalid filter at " : "At ";
        return new FilterException(cause.code(), at, prefix + at + ": " + cause.getMessage());
    }

    public String at() {
        return at;
    }
}
