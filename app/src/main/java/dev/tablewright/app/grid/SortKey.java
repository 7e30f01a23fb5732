package dev.tablewright.app.grid;

import java.util.List;

/** One column of the grid's order: the field and its direction. */
public record SortKey(String field, boolean descending) {

    public SortKey reversed() {
        return new SortKey(field, !descending);
    }

    /** As the core's {@code order} option takes it: {@code [field, 'ASC'|'DESC']}. */
    public List<String> asOrder() {
        return List.of(field, descending ? "DESC" : "ASC");
    }
}
