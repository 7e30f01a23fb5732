package dev.tablewright.app.filter;

import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.filter.Operator;

import java.util.List;

/**
 * An operator as the builder offers it. "is empty" and "is not empty" are {@code = null} and
 * {@code <> null} in the array.
 */
public enum OperatorChoice {
    EQUALS("=", Operator.EQ),
    NOT_EQUALS("≠", Operator.NE),
    CONTAINS("contains", Operator.CONTAINS),
    NOT_CONTAINS("does not contain", Operator.NOT_CONTAINS),
    STARTS_WITH("starts with", Operator.STARTS_WITH),
    ENDS_WITH("ends with", Operator.ENDS_WITH),
    GREATER(">", Operator.GT),
    GREATER_OR_EQUAL("≥", Operator.GTE),
    LESS("<", Operator.LT),
    LESS_OR_EQUAL("≤", Operator.LTE),
    BETWEEN("between", Operator.BETWEEN),
    NOT_BETWEEN("not between", Operator.NOT_BETWEEN),
    IN("is one of", Operator.IN),
    NOT_IN("is none of", Operator.NOT_IN),
    IS_EMPTY("is empty", Operator.EQ),
    IS_NOT_EMPTY("is not empty", Operator.NE);

    private final String label;
    private final Operator operator;

    OperatorChoice(String label, Operator operator) {
        this.label = label;
        this.operator = operator;
    }

    public String label() {
        return label;
    }

    public Operator operator() {
        return operator;
    }

    public boolean isNullCheck() {
        return this == IS_EMPTY || this == IS_NOT_EMPTY;
    }

    /** What a condition's operator and value show as. */
    public static OperatorChoice of(Operator op, Object value) {
        if (value == null && op == Operator.EQ) {
            return IS_EMPTY;
        }
        if (value == null && op == Operator.NE) {
            return IS_NOT_EMPTY;
        }
        for (OperatorChoice c : values()) {
            if (c.operator == op) {
                return c;
            }
        }
        throw new IllegalArgumentException(op.name());
    }

    /**
     * The operators that fit a type: text matching for text, ranges for numbers and dates, only
     * equality for booleans, only "is empty" for whole JSON and file columns; null (a field the
     * builder does not know) gets them all.
     */
    public static List<OperatorChoice> forType(LogicalType type) {
        if (type == null) {
            return List.of(values());
        }
        return switch (type) {
            case STRING, TEXT -> List.of(EQUALS, NOT_EQUALS, CONTAINS, NOT_CONTAINS, STARTS_WITH, ENDS_WITH, IN, NOT_IN,
                    GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL, BETWEEN, NOT_BETWEEN, IS_EMPTY, IS_NOT_EMPTY);
            case INTEGER, NUMBER, DATE -> List.of(EQUALS, NOT_EQUALS, GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL,
                    BETWEEN, NOT_BETWEEN, IN, NOT_IN, IS_EMPTY, IS_NOT_EMPTY);
            case BOOLEAN -> List.of(EQUALS, NOT_EQUALS, IS_EMPTY, IS_NOT_EMPTY);
            case JSON, JSONB, FILE -> List.of(IS_EMPTY, IS_NOT_EMPTY);
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
