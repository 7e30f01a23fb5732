package dev.tablewright.app.navigator;

/**
 * A table as the navigator lists it: its name, its row count ({@code -1} until counted; above
 * {@link #COUNT_CAP} it is {@code COUNT_CAP + 1}, meaning "more than that") and whether it keeps a
 * history of its rows.
 */
public record NavigatorTable(String name, long rowCount, boolean tracksHistory) {
    /**
     * The navigator counts every table of a connection when it lists them; counting stops here so
     * a database with huge tables lists at once (the grid counts further, and exactly on request).
     */
    public static final long COUNT_CAP = 1_000_000;

    /** Whether the table has more rows than the navigator counted. */
    public boolean countCapped() {
        return rowCount > COUNT_CAP;
    }

    public NavigatorTable withRowCount(long count) {
        return new NavigatorTable(name, count, tracksHistory);
    }
}
