package dev.tablewright.app.navigator;

/**
 * A table as the navigator lists it: its name, its row count ({@code -1} until counted) and
 * whether it keeps a history of its rows.
 */
public record NavigatorTable(String name, long rowCount, boolean tracksHistory) {

    public NavigatorTable withRowCount(long count) {
        return new NavigatorTable(name, count, tracksHistory);
    }
}
