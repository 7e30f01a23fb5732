package dev.tablewright.app.grid;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the grid: a placeholder until its page arrives, then the row as stored, plus what the
 * user typed and has not yet been saved (kept when saving fails), and the last error.
 */
public final class GridRow {
    private final ReadOnlyObjectWrapper<Map<String, Object>> stored = new ReadOnlyObjectWrapper<>();
    private final ObservableMap<String, Object> pending = FXCollections.observableMap(new LinkedHashMap<>());
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper draft;
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    /** Parents' labels of the foreign-key fields, set with the stored values (before them, so a cell sees both). */
    private Map<String, ParentLabel> labels = Map.of();

    private GridRow(boolean draft) {
        this.draft = new ReadOnlyBooleanWrapper(draft);
    }

    static GridRow placeholder() {
        return new GridRow(false);
    }

    /** A new row not yet in the table: its values are all pending until it is saved. */
    static GridRow draft(Map<String, Object> values) {
        GridRow row = new GridRow(true);
        row.pending.putAll(values);
        return row;
    }

    static GridRow loaded(Map<String, Object> values) {
        GridRow row = new GridRow(false);
        row.stored.set(values);
        return row;
    }

    /** The value the grid shows: the user's unsaved input if any, else the stored value. */
    public Object value(String field) {
        if (pending.containsKey(field)) {
            return pending.get(field);
        }
        Map<String, Object> s = stored.get();
        return s == null ? null : s.get(field);
    }

    /**
     * The parent's label of a foreign-key field, for the value the grid shows; null for a null key,
     * a field that is no foreign key, and input whose parent is not known yet.
     */
    public ParentLabel label(String field) {
        ParentLabel l = labels.get(field);
        if (l == null) {
            return null;
        }
        Object shown = value(field);
        return shown != null && ParentLabels.normal(shown).equals(ParentLabels.normal(l.key())) ? l : null;
    }

    /** {@link #value} as an observable, for a cell. */
    public ObservableValue<Object> valueProperty(String field) {
        return Bindings.createObjectBinding(() -> value(field), stored, pending);
    }

    public boolean isLoaded() {
        return stored.get() != null;
    }

    /** The row as stored, or null while it loads (and for a draft). */
    public ReadOnlyObjectProperty<Map<String, Object>> storedProperty() {
        return stored.getReadOnlyProperty();
    }

    /** Input not yet saved, by field. */
    public ObservableMap<String, Object> pending() {
        return FXCollections.unmodifiableObservableMap(pending);
    }

    public boolean hasPending(String field) {
        return pending.containsKey(field);
    }

    /** The last failure to save this row, as {@code CODE: message}; empty when there is none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty draftProperty() {
        return draft.getReadOnlyProperty();
    }

    public boolean isDraft() {
        return draft.get();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    void fill(Map<String, Object> values) {
        stored.set(values);
    }

    void fill(Map<String, Object> values, Map<String, ParentLabel> parentLabels) {
        labels = parentLabels == null ? Map.of() : parentLabels;
        stored.set(values);
    }

    /** The label of a key the user picked: known at once, so the cell needs no read to show it. */
    void label(String field, ParentLabel label) {
        Map<String, ParentLabel> next = new HashMap<>(labels);
        next.put(field, label);
        labels = next;
    }

    void input(String field, Object value) {
        pending.put(field, value);
    }

    Map<String, Object> pendingCopy() {
        return new LinkedHashMap<>(pending);
    }

    void saved(Map<String, Object> values, Map<String, ParentLabel> parentLabels) {
        labels = parentLabels == null ? labels : parentLabels;
        stored.set(values);
        pending.clear();
        error.set("");
        saving.set(false);
    }

    void failed(String message) {
        error.set(message);
        saving.set(false);
    }

    void saving() {
        saving.set(true);
    }

    /** Takes one field's input back: the stored value shows again. */
    void forget(String field) {
        pending.remove(field);
    }

    void discardInput() {
        pending.clear();
        error.set("");
    }
}
