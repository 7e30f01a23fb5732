package dev.tablewright.core.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Values;

import java.time.Instant;

/**
 * One field of a table, in the shape {@code defineTable} takes and {@code getTableSchema} returns.
 *
 * @param nativeType the database's own type name, for display (not part of the round trip)
 */
@JsonPropertyOrder({"type", "primaryKey", "unique", "allowNull", "defaultValue", "autoIncrement", "auto", "references", "nativeType"})
public record FieldSpec(LogicalType type, boolean primaryKey, boolean unique, boolean allowNull,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Object defaultValue,
                        boolean autoIncrement, boolean auto,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Reference references,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String nativeType) {

    public static FieldSpec of(LogicalType type) {
        return new FieldSpec(type, false, false, true, null, false, false, null, null);
    }

    public FieldSpec withNativeType(String nativeType) {
        return new FieldSpec(type, primaryKey, unique, allowNull, defaultValue, autoIncrement, auto, references, nativeType);
    }

    public FieldSpec withReferences(Reference references) {
        return new FieldSpec(type, primaryKey, unique, allowNull, defaultValue, autoIncrement, auto, references, nativeType);
    }

    /** True when the default is {@code 'NOW'} on a date field: the time of the insert. */
    public boolean defaultsToNow() {
        return type == LogicalType.DATE && defaultValue != null && "NOW".equalsIgnoreCase(String.valueOf(defaultValue));
    }

    /** The default as the value to store in {@code field}: {@code now} for 'NOW', else the default in the field's type. */
    public Object storedDefault(String field, Instant now) {
        return defaultsToNow() ? now : Values.coerce(field, type, defaultValue);
    }

    /** What the logical definition is, without the display-only native type. */
    public FieldSpec logical() {
        return withNativeType(null);
    }

    /** A foreign key: the referenced table and field, and what happens on delete of the parent. */
    public record Reference(String table, String field, String onDelete) {
    }
}
