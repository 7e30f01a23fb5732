package dev.tablewright.app.shell;

/** A table as the navigator lists it: its name and how many rows it has. */
public record TableSummary(String name, long rowCount) {
}
