package dev.tablewright.core.sql;

/**
 * Part of a query's rows: those from {@code offset} on, at most the limit asked for.
 *
 * @param result    the rows of this page and the statement's meta (columns, changes, duration)
 * @param offset    the index of the page's first row in the whole result
 * @param hasMore   whether rows follow this page
 * @param rereadable whether asking for a later page runs the statement again safely: true for
 *                  statements that only read (SELECT, VALUES, SHOW, ...); a statement that writes
 *                  and returns rows (INSERT ... RETURNING) comes back whole in its first page
 */
public record ResultPage(QueryResult result, long offset, boolean hasMore, boolean rereadable) {
}
