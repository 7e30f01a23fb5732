package dev.tablewright.core.filter;

import dev.tablewright.core.filter.Filter.Condition;
import dev.tablewright.core.filter.Filter.Group;

import java.util.ArrayList;
import java.util.List;

/** The one writer of filter arrays: a filter read by {@link FilterParser} comes back as it was written. */
final class FilterWriter {
    private FilterWriter() {
    }

    static List<Object> write(Filter filter) {
        if (filter instanceof Condition c) {
            return condition(c);
        }
        return items((Group) filter);
    }

    private static List<Object> condition(Condition c) {
        List<Object> out = new ArrayList<>(3);
        out.add(c.field());
        out.add(c.spelling());
        out.add(c.value().toArrayValue());
        return out;
    }

    /** A group's items and words; empty groups are left out, with the word before them. */
    private static List<Object> items(Group group) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < group.items().size(); i++) {
            Filter item = group.items().get(i);
            if (item.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.add(group.wordBefore(i));
            }
            if (group.inlines(item)) {
                out.addAll(items((Group) item));
            } else {
                out.add(write(item));
            }
        }
        return out;
    }
}
