package dev.tablewright.core.schema;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;

/** A table change the workbench does not make (or not on this dialect); nothing was run. */
public final class UnsupportedChangeException extends TablewrightException {
    private final String field;

    public UnsupportedChangeException(String field, String message) {
        super(ErrorCode.INVALID_ARGUMENT, message);
        this.field = field;
    }

    /** The field the change is about, or null for a change of the whole table. */
    public String field() {
        return field;
    }
}
