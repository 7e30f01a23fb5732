package dev.tablewright.app.filter;

import dev.tablewright.core.filter.Operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code [field, operator, value]}. The operator is kept as written ({@code eq}, {@code =},
 * {@code IS}), so a filter read and written back is the same array.
 */
public final class FilterCondition implements FilterNode {
    private String field;
    private String operator;
    private Object value;

    public FilterCondition(String field, String operator, Object value) {
        this.field = field;
        this.operator = operator;
        this.value = value;
    }

    /** A condition still to be filled in: no field yet, equals, no value. */
    public static FilterCondition blank() {
        return new FilterCondition(null, "=", null);
    }

    public String field() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public String operatorText() {
        return operator;
    }

    public Optional<Operator> operator() {
        return operator == null ? Optional.empty() : Operator.parse(operator);
    }

    /** Sets the operator, keeping the written alias when it already means this operator. */
    public void setOperator(Operator op) {
        if (operator().orElse(null) != op) {
            this.operator = op.symbol();
        }
    }

    public Object value() {
        return value;
    }

    public void setValue(Object value) {
        this.value = value;
    }

    /** Complete enough to be part of the array: it names a field and an operator. */
    public boolean isComplete() {
        return field != null && !field.isBlank() && operator().isPresent();
    }

    /** The condition as its 3-element array, a copy: changing it leaves the tree as it is. */
    public List<Object> toArray() {
        List<Object> out = new ArrayList<>(3);
        out.add(field);
        out.add(operator);
        out.add(value instanceof List<?> l ? new ArrayList<>(l) : value);
        return out;
    }

    @Override
    public FilterCondition copy() {
        return new FilterCondition(field, operator, value instanceof List<?> l ? new ArrayList<>(l) : value);
    }

    @Override
    public String toString() {
        return "[" + field + ", " + operator + ", " + value + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilterCondition c && Objects.equals(field, c.field) && Objects.equals(operator, c.operator)
                && Objects.equals(value, c.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, operator, value);
    }
}
