package dev.tablewright.app.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a record's timeline from its stored versions (core {@code getHistoricalData}, oldest first). */
public final class Timeline {

    private Timeline() {
    }

    /**
     * {@code versions} are the core's maps {operation, changedAt, changedBy, data}, oldest first;
     * {@code before} is the row as it stood before the first of them (its baseline when tracking
     * began on a table with rows), or null when the first version made the row. Each version's
     * changed fields are those that differ from the version before it; a delete changes nothing
     * (its data is the row as it was deleted).
     */
    @SuppressWarnings("unchecked")
    public static List<RecordVersion> build(List<Map<String, Object>> versions, Map<String, Object> before) {
        return build(versions, before, 1);
    }

    /** {@link #build} of versions that follow others: numbered from {@code firstNumber}, {@code before} the data of the one just before them. */
    public static List<RecordVersion> build(List<Map<String, Object>> versions, Map<String, Object> before, int firstNumber) {
        List<RecordVersion> out = new ArrayList<>();
        Map<String, Object> previous = before;
        int number = firstNumber;
        for (Map<String, Object> v : versions) {
            String operation = String.valueOf(v.get("operation"));
            Map<String, Object> data = v.get("data") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            List<String> changed = switch (operation) {
                case "delete" -> List.of();
                case "insert" -> List.copyOf(data.keySet());
                default -> previous == null ? List.copyOf(data.keySet()) : ValueDiff.changedFields(previous, data);
            };
            Object by = v.get("changedBy");
            out.add(new RecordVersion(number++, operation, instant(v.get("changedAt")), by == null ? "" : String.valueOf(by), data, changed));
            previous = "delete".equals(operation) ? null : data;
        }
        return out;
    }

    static Instant instant(Object at) {
        return at instanceof Instant i ? i : Instant.parse(String.valueOf(at));
    }
}
