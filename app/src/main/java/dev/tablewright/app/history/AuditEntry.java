package dev.tablewright.app.history;

import java.time.Instant;
import java.util.List;

/** One change to one row, as the history screen lists it: newest first. */
public record AuditEntry(String action, String rowId, String changedBy, Instant changedAt, List<FieldChange> changes) {

    /** A field's value before and after the change; {@code null} where there was none. */
    public record FieldChange(String field, Object before, Object after) {
    }

    /** The changed fields' names, for the list's summary column. */
    public String summary() {
        return String.join(", ", changes.stream().map(FieldChange::field).toList());
    }
}
