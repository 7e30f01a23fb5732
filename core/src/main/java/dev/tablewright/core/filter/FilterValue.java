package dev.tablewright.core.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The right side of a condition: {@code null}, one literal (text, number, true/false), a list of
 * them (for {@code in} and {@code between}), or, in a query over several tables, another table's
 * column {@code table.field} (how joins are written).
 */
public sealed interface FilterValue permits FilterValue.Null, FilterValue.Literal, FilterValue.Items, FilterValue.Column {

    Null NULL = new Null();

    /** A value as the array holds it: null, a scalar, or a list of scalars. */
    static FilterValue of(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof FilterValue v) {
            return v;
        }
        if (value instanceof List<?> list) {
            return new Items(new ArrayList<Object>(list));
        }
        return new Literal(value);
    }

    /** The value as the array writes it. */
    Object toArrayValue();

    /** {@code null}: with {@code =} IS NULL, with {@code <>} IS NOT NULL. */
    record Null() implements FilterValue {
        @Override
        public Object toArrayValue() {
            return null;
        }
    }

    /** One value (text, number, true/false), kept as given: a 5 stays an Integer, 5.0 a Double. */
    record Literal(Object value) implements FilterValue {
        public Literal {
            Objects.requireNonNull(value, "value");
            if (!isScalar(value)) {
                throw new IllegalArgumentException("A literal is one value, not a list or object: " + value);
            }
        }

        @Override
        public Object toArrayValue() {
            return value;
        }
    }

    /** The values of {@code in}, {@code notin}, {@code between}, {@code notbetween}: scalars or null. */
    record Items(List<Object> values) implements FilterValue {
        public Items {
            List<Object> copy = new ArrayList<>(values.size());
            for (Object v : values) {
                if (v != null && !isScalar(v)) {
                    throw new IllegalArgumentException("A list holds texts, numbers, true/false or null: " + v);
                }
                copy.add(v);
            }
            values = Collections.unmodifiableList(copy);
        }

        @Override
        public Object toArrayValue() {
            return new ArrayList<>(values);
        }
    }

    /** A column {@code table.field} of a queried table, compared with the condition's field (a join). */
    record Column(String table, String field) implements FilterValue {
        public Column {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(field, "field");
        }

        /** {@code table.field}, or empty when the text has no dot between two names. */
        public static Optional<Column> parse(String text) {
            int dot = text == null ? -1 : text.indexOf('.');
            if (dot <= 0 || dot == text.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new Column(text.substring(0, dot), text.substring(dot + 1)));
        }

        public String name() {
            return table + "." + field;
        }

        @Override
        public Object toArrayValue() {
            return name();
        }
    }

    /** One value, not a list or an object: what a comparison takes (JSON gives text, numbers and true/false; Java callers may give dates). */
    static boolean isScalar(Object v) {
        return v != null && !(v instanceof Collection<?> || v instanceof Map<?, ?> || v instanceof FilterValue || v.getClass().isArray());
    }
}
