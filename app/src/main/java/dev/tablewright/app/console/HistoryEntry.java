package dev.tablewright.app.console;

import java.time.Instant;

/**
 * One statement as the console ran it.
 *
 * @param sql        the statement's text
 * @param ranAt      when it started
 * @param durationMs how long the database took (0 when it failed)
 * @param outcome    what came of it, as the result tab said: "12 rows", "3 rows changed", "SQL_ERROR: ..."
 * @param failed     whether the database refused it
 */
public record HistoryEntry(String sql, Instant ranAt, double durationMs, String outcome, boolean failed) {
}
