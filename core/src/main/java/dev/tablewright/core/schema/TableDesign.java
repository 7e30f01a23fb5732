package dev.tablewright.core.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table as the designer wants it: its fields in order, each linked to the existing column it
 * came from (so a rename is told from a drop and an add), and its options. Diffed against the
 * table's current schema into the statements that make it so.
 *
 * @param name     the table's name
 * @param existing true when the design edits a table that exists; false for a new one
 */
public record TableDesign(String name, boolean existing, List<Field> fields, boolean trackHistory) {

    public TableDesign {
        fields = List.copyOf(fields);
    }

    /**
     * One field of the design.
     *
     * @param original the name of the existing column this field is, or null for a new field
     */
    public record Field(String name, String original, FieldSpec spec) {
        public static Field added(String name, FieldSpec spec) {
            return new Field(name, null, spec);
        }
    }

    /** The design of an existing table as it is: no change yet. */
    public static TableDesign of(TableSchema schema) {
        List<Field> fields = new ArrayList<>();
        schema.fields().forEach((name, spec) -> fields.add(new Field(name, name, spec.logical())));
        return new TableDesign(schema.name(), true, fields, schema.options().trackHistory());
    }

    /** The fields by name, in order. */
    public Map<String, FieldSpec> specs() {
        Map<String, FieldSpec> out = new LinkedHashMap<>();
        fields.forEach(f -> out.put(f.name(), f.spec()));
        return out;
    }

    public TableDesign withFields(List<Field> newFields) {
        return new TableDesign(name, existing, newFields, trackHistory);
    }

    public TableDesign withTrackHistory(boolean on) {
        return new TableDesign(name, existing, fields, on);
    }
}
