package dev.tablewright.app.filter;

import dev.tablewright.core.filter.Filter.Condition;
import dev.tablewright.core.filter.FilterValue;
import dev.tablewright.core.filter.Operator;

/**
 * A join the schema's foreign keys suggest between two queried tables: {@code child.fk = parent.key}.
 */
public record JoinProposal(String childField, String parentField) {

    /** The condition that writes the join, as the reference does: {@code ['posts.userId', '=', 'users.id']}. */
    public Condition condition() {
        return Condition.of(childField, Operator.EQ, FilterValue.Column.parse(parentField).map(c -> (FilterValue) c).orElse(FilterValue.of(parentField)));
    }

    @Override
    public String toString() {
        return childField + " = " + parentField;
    }
}
