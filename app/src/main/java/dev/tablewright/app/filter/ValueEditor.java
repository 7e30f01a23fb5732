package dev.tablewright.app.filter;

/** Which editor a condition's value gets, from its field's type and its operator. */
public enum ValueEditor {
    /** "is empty" / "is not empty": no value. */
    NONE,
    TEXT,
    NUMBER,
    DATE,
    /** A true/false toggle. */
    BOOLEAN,
    /** Two pickers, low and high, of the field's kind. */
    RANGE,
    /** Another queried table's column: how a join is written. */
    COLUMN,
    /** A chip per value of {@code in} / {@code notin}. */
    CHIPS
}
