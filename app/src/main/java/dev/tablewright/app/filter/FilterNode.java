package dev.tablewright.app.filter;

/** A node of the filter tree: a condition or a group of nodes joined by AND or OR. */
public sealed interface FilterNode permits FilterCondition, FilterGroup {

    /** A deep copy, so an edit can be tried without touching the original. */
    FilterNode copy();
}
