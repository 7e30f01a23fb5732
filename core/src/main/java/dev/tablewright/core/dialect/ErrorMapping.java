package dev.tablewright.core.dialect;

import dev.tablewright.core.base.ErrorCode;

import java.sql.SQLException;

/** One facet of {@link Dialect}: turning a database error into one of the contract's codes. */
public sealed interface ErrorMapping extends SqlSyntax permits Dialect {
    /** Maps a database error to a contract code, or null when it is not one the contract names. */
    ErrorCode classify(SQLException e);

    /**
     * What the database said, for a person: its own words about the rule that was broken, without
     * the statement, the bound values or the driver's advice to Java programmers.
     */
    default String databaseSaid(SQLException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
