package dev.tablewright.core.dialect;

import dev.tablewright.core.base.ErrorCode;

import java.sql.SQLException;

/** One facet of {@link Dialect}: turning a database error into one of the contract's codes. */
public sealed interface ErrorMapping extends SqlSyntax permits Dialect {
    /** Maps a database error to a contract code, or null when it is not one the contract names. */
    ErrorCode classify(SQLException e);
}
