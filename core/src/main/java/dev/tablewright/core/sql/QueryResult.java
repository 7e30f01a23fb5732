package dev.tablewright.core.sql;

import java.util.List;
import java.util.Map;

/** What {@code query} returns: the rows, and what the statement did. */
public record QueryResult(List<Map<String, Object>> results, Meta meta) {

    /**
     * @param changes    rows inserted, updated or deleted (0 for a SELECT)
     * @param lastRowId  the generated key of an INSERT where the dialect reports one, else null
     * @param durationMs time the database took, in milliseconds
     * @param columns    the result's column names in order (also when there are no rows)
     */
    public record Meta(long changes, Object lastRowId, double durationMs, List<String> columns) {
    }
}
