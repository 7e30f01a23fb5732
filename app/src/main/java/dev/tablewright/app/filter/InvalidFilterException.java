package dev.tablewright.app.filter;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;

/**
 * A filter array the tree cannot hold, with where it is wrong: {@link #at()} is the path of
 * the offending part ({@code filter[2][1]}), as the core's INVALID_FILTER messages name it.
 */
public final class InvalidFilterException extends TablewrightException {
    private final String at;

    public InvalidFilterException(String at, String why) {
        super(ErrorCode.INVALID_FILTER, "Invalid filter at " + at + ": " + why + ".");
        this.at = at;
    }

    public String at() {
        return at;
    }
}
