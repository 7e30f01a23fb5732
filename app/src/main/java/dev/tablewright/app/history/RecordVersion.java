package dev.tablewright.app.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of one record on its timeline: what the change was, when and by whom, the whole
 * row after it (before it, for a delete) and the fields it changed.
 *
 * @param number        1 for the oldest version shown, counting up
 * @param operation     insert, update or delete, as the history stores it
 * @param changedBy     who made the change; empty where the database knows no user (other clients on SQLite)
 * @param data          the whole row after the change; for a delete, the row as it was deleted
 * @param changedFields the fields that differ from the version before; every field for an insert
 */
public record RecordVersion(int number, String operation, Instant changedAt, String changedBy, Map<String, Object> data,
                            List<String> changedFields) {

    public RecordVersion {
        changedFields = List.copyOf(changedFields);
    }

    public boolean isDelete() {
        return "delete".equals(operation);
    }

    /** How the timeline names the change: "Created", "Updated", "Deleted". */
    public String action() {
        return switch (operation) {
            case "insert" -> "Created";
            case "delete" -> "Deleted";
            default -> "Updated";
        };
    }

    /** What the timeline says it changed: the fields for an update, nothing more for a create or delete. */
    public String summary() {
        if (isDelete()) {
            return "the record was deleted";
        }
        if ("insert".equals(operation)) {
            return changedFields.size() + (changedFields.size() == 1 ? " field" : " fields");
        }
        return changedFields.isEmpty() ? "no field changed" : String.join(", ", changedFields);
    }
}
