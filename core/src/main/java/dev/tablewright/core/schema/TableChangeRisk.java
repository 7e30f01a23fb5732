package dev.tablewright.core.schema;

import dev.tablewright.core.base.Values;
/**
 * What a table change would do to rows that exist: lose or alter values (the user must confirm),
 * or be refused by the database (the change cannot be applied until the rows are fixed).
 *
 * @param field the field of the design the risk is about
 * @param rows  how many rows it affects
 */
public record TableChangeRisk(String field, Kind kind, long rows, String message) {

    public enum Kind {
        /** Values are lost or altered; applying needs an explicit confirmation. */
        DATA_LOSS,
        /** The database would refuse the change over these rows; it cannot be applied as it is. */
        REJECTED
    }

    public boolean blocking() {
        return kind == Kind.REJECTED;
    }
}
