package dev.tablewright.app.grid;

/**
 * A hop from one row along a relation: to its parent ({@code count} 1, or 0 when the key points
 * nowhere) or to its children ({@code count} of them; -1 while they are being counted); or, with
 * {@code linkedTable} set, the panel of the rows of that table linked many-to-many ({@code place} null).
 */
public record RelatedLink(String text, GridPlace place, boolean children, long count, String linkedTable) {
    public RelatedLink(String text, GridPlace place, boolean children, long count) {
        this(text, place, children, count, null);
    }

    /** True for the many-to-many links of the row, shown in a panel rather than reached by a hop. */
    public boolean linked() {
        return linkedTable != null;
    }
}
