package dev.tablewright.app.grid;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A grid's edits not yet written, by row key and field, and the edits that can be undone, newest
 * first. Kept apart from the rows on screen: a row read again (a reload, a page scrolled back to)
 * gets its pending input back from here.
 */
final class PendingEdits {
    /** One edit as it can be undone: the value the field showed before it. */
    record Edit(Object id, String field, Object before, boolean hadPending) {
    }

    /** How many edits Ctrl+Z goes back through. */
    static final int UNDO_DEPTH = 100;

    private final Map<Object, Map<String, Object>> byRow = new LinkedHashMap<>();
    /** Why Save could not write a row's edits, kept with them until they are written or reverted. */
    private final Map<Object, String> refusals = new HashMap<>();
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();

    /** Remembers an edit that can be undone (pending or written at once). */
    void remember(Edit edit) {
        undo.push(edit);
        while (undo.size() > UNDO_DEPTH) {
            undo.removeLast();
        }
    }

    /** The newest edit to undo, taken off the list; null when there is none. */
    Edit takeLast() {
        return undo.poll();
    }

    void put(Object id, String field, Object value) {
        byRow.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(field, value);
        counted();
    }

    void remove(Object id, String field) {
        Map<String, Object> edits = byRow.get(id);
        if (edits != null) {
            edits.remove(field);
            if (edits.isEmpty()) {
                byRow.remove(id);
            }
        }
        counted();
    }

    boolean has(Object id, String field) {
        Map<String, Object> edits = byRow.get(id);
        return edits != null && edits.containsKey(field);
    }

    /** The pending values of one row; empty when it has none. */
    Map<String, Object> of(Object id) {
        Map<String, Object> edits = byRow.get(id);
        return edits == null ? Map.of() : edits;
    }

    /** Every row's pending values, copied: what Save writes. */
    Map<Object, Map<String, Object>> all() {
        Map<Object, Map<String, Object>> copy = new LinkedHashMap<>();
        byRow.forEach((id, edits) -> copy.put(id, new HashMap<>(edits)));
        return copy;
    }

    /** A row's edits were written (or reverted): they are no longer pending. */
    void forget(Object id) {
        byRow.remove(id);
        refusals.remove(id);
        counted();
    }

    void refused(Object id, String why) {
        refusals.put(id, why);
    }

    /** Why the row's edits were refused at the last Save; null when they were not. */
    String refusal(Object id) {
        return refusals.get(id);
    }

    /** Takes on {@code other}'s pending edits, refusals and undo list (the same rows, now shown by another grid). */
    void takeOver(PendingEdits other) {
        other.byRow.forEach((id, edits) -> byRow.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(edits));
        refusals.putAll(other.refusals);
        undo.addAll(other.undo);
        counted();
    }

    /** Revert: nothing is pending any more, and pending edits can no longer be undone. */
    void clear() {
        byRow.clear();
        refusals.clear();
        undo.removeIf(Edit::hadPending);
        counted();
    }

    boolean isEmpty() {
        return byRow.isEmpty();
    }

    /** How many fields hold a value not yet written. */
    ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    private void counted() {
        count.set(byRow.values().stream().mapToInt(Map::size).sum());
    }
}
