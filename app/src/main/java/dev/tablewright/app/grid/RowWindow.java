package dev.tablewright.app.grid;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Values;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.filter.Filter.Condition;
import dev.tablewright.core.filter.Filter.Group;
import dev.tablewright.core.filter.Filter.Junction;
import dev.tablewright.core.filter.FilterValue;
import dev.tablewright.core.filter.Operator;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads slices of one table in one order and filter, for a grid that never loads the table whole.
 *
 * <p>Where the order allows it, a slice is found by keyset: "rows after this one" is the filter
 * {@code (a > x) OR (a = x AND id > y)}, which an index answers at any depth, while OFFSET has to
 * step over every row before it. The order always ends with the primary key, so it is total and
 * each row comes exactly once. NULLs sort first ascending and last descending (as the core orders
 * them), and the keyset conditions follow that. The last rows are the first rows of the reversed
 * order, so the end of a table costs what its start costs. OFFSET remains the way to jump into
 * the middle, counted from whichever end is nearer.
 */
final class RowWindow {
    private final Connector connector;
    private final String table;
    private final Filter filter;
    private final List<Key> keys;
    private final List<String> fields;
    /** The core's {@code labels} option: parents' fields each page brings beside its rows; null for none. */
    private final Map<String, List<String>> labels;
    private final boolean keyset;

    /** One column of the total order: a sort column, or a primary-key column breaking ties. */
    record Key(String field, boolean descending, boolean nullable) {
        Key flipped() {
            return new Key(field, !descending, nullable);
        }
    }

    RowWindow(Connector connector, TableSchema schema, List<SortKey> sort, Filter filter) {
        this(connector, schema, sort, filter, false, null);
    }

    /** {@code labels}: the parents' fields each page brings beside its rows ({@link ParentLabels#readOption()}). */
    RowWindow(Connector connector, TableSchema schema, List<SortKey> sort, Filter filter, Map<String, List<String>> labels) {
        this(connector, schema, sort, filter, false, labels);
    }

    /** {@code withFiles}: read file fields too (an export does; the grid fetches them one cell at a time). */
    RowWindow(Connector connector, TableSchema schema, List<SortKey> sort, Filter filter, boolean withFiles) {
        this(connector, schema, sort, filter, withFiles, null);
    }

    private RowWindow(Connector connector, TableSchema schema, List<SortKey> sort, Filter filter, boolean withFiles, Map<String, List<String>> labels) {
        this.connector = connector;
        this.labels = labels;
        this.table = schema.name();
        this.filter = filter == null || filter.isEmpty() ? null : filter;
        List<Key> k = new ArrayList<>();
        boolean usable = true;
        for (SortKey s : sort) {
            FieldSpec spec = schema.fields().get(s.field());
            k.add(new Key(s.field(), s.descending(), spec.allowNull() && !spec.primaryKey()));
            usable &= comparable(spec.type(), schema.managed());
        }
        for (String pk : schema.primaryKey()) {
            if (sort.stream().noneMatch(s -> s.field().equals(pk))) {
                k.add(new Key(pk, false, false));
            }
        }
        this.keys = List.copyOf(k);
        this.keyset = usable && !schema.primaryKey().isEmpty();
        // Files are fetched one cell at a time when opened: a page of 200 rows could otherwise carry
        // 200 images.
        this.fields = schema.fields().entrySet().stream().filter(e -> withFiles || e.getValue().type() != LogicalType.FILE)
                .map(Map.Entry::getKey).toList();
    }

    /**
     * Whether the filter's comparisons order values the way ORDER BY does: not for json/file, and not
     * for dates of tables other tools wrote (SQLite compares those normalized, but sorts them as text).
     */
    private static boolean comparable(LogicalType type, boolean managed) {
        return switch (type) {
            case STRING, TEXT, INTEGER, NUMBER, BOOLEAN -> true;
            case DATE -> managed;
            case JSON, JSONB, FILE -> false;
        };
    }

    String table() {
        return table;
    }

    boolean usesKeyset() {
        return keyset;
    }

    List<String> fields() {
        return fields;
    }

    List<Map<String, Object>> first(int limit) {
        return read(filter, keys, limit, null);
    }

    /** The last {@code limit} rows, in grid order. */
    List<Map<String, Object>> last(int limit) {
        return reversedOf(read(filter, flip(keys), limit, null));
    }

    /** The {@code limit} rows after {@code row}; by OFFSET from {@code rowIndex} where keyset is not possible. */
    List<Map<String, Object>> after(Map<String, Object> row, long rowIndex, int limit) {
        if (!keyset) {
            return read(filter, keys, limit, rowIndex + 1);
        }
        Filter after = beyond(row, keys);
        return after == null ? List.of() : read(and(after), keys, limit, null);
    }

    /** The {@code limit} rows before {@code row}, in grid order. */
    List<Map<String, Object>> before(Map<String, Object> row, long rowIndex, int limit) {
        if (!keyset) {
            long from = Math.max(0, rowIndex - limit);
            return read(filter, keys, (int) (rowIndex - from), from);
        }
        List<Key> reversed = flip(keys);
        Filter before = beyond(row, reversed);
        return before == null ? List.of() : reversedOf(read(and(before), reversed, limit, null));
    }

    /** Rows {@code from} .. {@code from+limit} of {@code total}, by OFFSET from the nearer end. */
    List<Map<String, Object>> at(long from, int limit, long total) {
        long end = Math.min(total, from + limit);
        long fromEnd = total - end;
        if (fromEnd < from) {
            return reversedOf(read(filter, flip(keys), (int) (end - from), fromEnd));
        }
        return read(filter, keys, limit, from);
    }

    /** How many rows come before {@code row} in this order and filter: its index in the grid. */
    long indexOf(Map<String, Object> row) {
        Filter before = beyond(row, flip(keys));
        return before == null ? 0 : connector.countRows(table, ReadOptions.filter(and(before)));
    }

    /**
     * The rows strictly after {@code row} in the order of {@code order}, as a filter:
     * {@code k1 after v1 OR (k1 = v1 AND k2 after v2) OR ...}; null when no row can follow.
     */
    static Filter beyond(Map<String, Object> row, List<Key> order) {
        List<Filter> terms = new ArrayList<>();
        List<Filter> equalSoFar = new ArrayList<>();
        for (Key key : order) {
            Object value = row.get(key.field());
            Filter after = after(key, value);
            if (after != null) {
                List<Filter> term = new ArrayList<>(equalSoFar);
                term.add(after);
                terms.add(term.size() == 1 ? term.get(0) : Group.of(Junction.AND, term));
            }
            equalSoFar.add(condition(key.field(), Operator.EQ, value));
        }
        return terms.isEmpty() ? null : Group.of(Junction.OR, terms);
    }

    private static Condition condition(String field, Operator op, Object value) {
        return Condition.of(field, op, FilterValue.of(value));
    }

    /** Values of {@code key} after {@code value}: NULLs come first ascending, last descending. */
    private static Filter after(Key key, Object value) {
        if (!key.descending()) {
            return value == null ? condition(key.field(), Operator.NE, null) : condition(key.field(), Operator.GT, value);
        }
        if (value == null) {
            return null;
        }
        Condition less = condition(key.field(), Operator.LT, value);
        return key.nullable() ? Group.of(Junction.OR, List.of(less, condition(key.field(), Operator.EQ, null))) : less;
    }

    private Filter and(Filter condition) {
        return filter == null ? condition : filter.and(condition);
    }

    private List<Map<String, Object>> read(Filter where, List<Key> order, int limit, Long offset) {
        List<Object> orderOption = new ArrayList<>();
        for (Key k : order) {
            orderOption.add(List.of(k.field(), k.descending() ? "DESC" : "ASC"));
        }
        Integer off = offset == null || offset == 0 ? null : Math.toIntExact(offset);
        return connector.getTableData(table, ReadOptions.builder().filter(where).fields(fields).order(orderOption).limit(limit).offset(off)
                .autoJoin(false).labels(labels).build());
    }

    private static List<Key> flip(List<Key> keys) {
        return keys.stream().map(Key::flipped).toList();
    }

    private static List<Map<String, Object>> reversedOf(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows);
        Collections.reverse(out);
        return out;
    }
}
