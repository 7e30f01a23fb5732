package dev.tablewright.app.grid;

import dev.tablewright.core.filter.Filter;

/**
 * Where a hop along a relation leads: a table, the filter that picks the rows, and a caption
 * saying what they are ("Album 1", "Tracks of album 1").
 */
public record GridPlace(String table, Filter filter, String caption) {
    public GridPlace {
        filter = filter == null ? Filter.none() : filter;
    }

    /** A table with all its rows. */
    public static GridPlace of(String table) {
        return new GridPlace(table, Filter.none(), table);
    }
}
