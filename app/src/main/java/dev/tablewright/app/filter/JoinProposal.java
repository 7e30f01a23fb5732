package dev.tablewright.app.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * A join the schema's foreign keys suggest between two queried tables: {@code child.fk = parent.key}.
 */
public record JoinProposal(String childField, String parentField) {

    /** The condition that writes the join, as the reference does: {@code ['posts.userId', '=', 'users.id']}. */
    public List<Object> condition() {
        List<Object> c = new ArrayList<>(3);
        c.add(childField);
        c.add("=");
        c.add(parentField);
        return c;
    }

    @Override
    public String toString() {
        return childField + " = " + parentField;
    }
}
