package dev.tablewright.app.grid;

/**
 * What a foreign-key cell shows beside its key: the parent's label, or that the key points at no
 * row (a parent deleted meanwhile, or a key SQLite took without enforcing the link). A null key
 * has no label: the cell shows NULL as any other.
 *
 * @param text the parent's label field; null when the parent has no text field or the value is null
 */
public record ParentLabel(Object key, String text, boolean found) {
    static ParentLabel of(Object key, String text) {
        return new ParentLabel(key, text, true);
    }

    static ParentLabel missing(Object key) {
        return new ParentLabel(key, null, false);
    }
}
