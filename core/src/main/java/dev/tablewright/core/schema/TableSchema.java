package dev.tablewright.core.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table as {@code getTableSchema} returns it; the same shape {@code defineTable} takes.
 *
 * @param fields   in column order
 * @param managed  true when the workbench created the table (it then has a logical schema stored)
 * @param changes  what {@code defineTable} did, in words; null on a plain read
 * @param warnings advice that did not stop the call (for example non-camelCase names)
 */
@JsonPropertyOrder({"name", "fields", "options", "relationships", "changes", "warnings"})
public record TableSchema(String name, Map<String, FieldSpec> fields, Options options,
                          List<Map<String, Object>> relationships,
                          @JsonIgnore boolean managed,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> changes,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    public record Options(boolean trackHistory) {
    }

    public TableSchema withReport(List<String> changes, List<String> warnings) {
        return new TableSchema(name, fields, options, relationships, managed, changes, warnings);
    }

    public Optional<FieldSpec> field(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    /** The primary key's columns in order (empty for a table without one). */
    @JsonIgnore
    public List<String> primaryKey() {
        return fields.entrySet().stream().filter(e -> e.getValue().primaryKey()).map(Map.Entry::getKey).toList();
    }

    /** True when the table has the automatic id/createdAt/updatedAt fields. */
    @JsonIgnore
    public boolean hasAutoFields() {
        FieldSpec id = fields.get("id");
        return id != null && id.auto();
    }
}
