package dev.tablewright.app.filter;

import dev.tablewright.core.base.LogicalType;

/**
 * A field the builder offers: a column ({@code price}, or {@code products.price} with several
 * tables), or a path inside a JSON column that the sampled rows hold, with the type of its values.
 *
 * @param type       the column's type; for a JSON path, STRING, NUMBER or BOOLEAN as sampled
 * @param jsonPath   true for a path inside a JSON column
 */
public record FieldChoice(String name, LogicalType type, boolean jsonPath) {
    @Override
    public String toString() {
        return name;
    }
}
