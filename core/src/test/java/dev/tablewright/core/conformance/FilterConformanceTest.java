package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.query.ReadOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.TreeSet;

/**
 * Every filter operator on every dialect: one table of filters and the names of the rows each must
 * match, run against the same rows in SQLite, PostgreSQL and MariaDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterConformanceTest {
    private final Map<String, Connector> databases = new HashMap<>();

    private Connector db(String dialect) {
        return databases.computeIfAbsent(dialect, d -> {
            Connector c = Conformance.open(d);
            c.defineTable("items", Map.of(
                    "name", "string", "qty", "integer", "price", "number", "active", "boolean",
                    "madeAt", "date", "note", "text", "specs", "jsonb", "meta", "json"));
            c.addRows("items", List.of(
                    row("Alpha", 0, 10.5, true, "2025-01-01T00:00:00Z", "first one", Map.of("dimensions", Map.of("width", 10, "unit", "cm"), "color", "red", "fragile", true), Map.of("tag", "a")),
                    row("beta", 5, 99.99, false, "2025-01-31T12:00:00Z", "Has 100% cotton", Map.of("dimensions", Map.of("width", 25.5), "color", "Blue", "fragile", false), Map.of("tag", "b")),
                    row("Gamma", 12, 50.0, true, "2025-02-01T00:00:00Z", "under_score", Map.of("color", "green"), null),
                    row("delta", null, null, null, null, null, null, null),
                    row("O'Brien", 3, 51.0, false, "2024-12-31T23:59:59.999Z", "quote's here", Map.of("dimensions", Map.of("width", 10), "nothing", "x"), Map.of("tag", "c"))));
            return c;
        });
    }

    private static Map<String, Object> row(String name, Integer qty, Double price, Boolean active, String madeAt, String note,
                                           Map<String, Object> specs, Map<String, Object> meta) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("qty", qty);
        r.put("price", price);
        r.put("active", active);
        r.put("madeAt", madeAt);
        r.put("note", note);
        r.put("specs", specs);
        r.put("meta", meta);
        return r;
    }

    @AfterAll
    void close() {
        databases.values().forEach(Connector::close);
    }

    static List<Object> f(Object... parts) {
        return Arrays.asList(parts);
    }

    static Stream<Arguments> cases() {
        List<Object[]> table = new ArrayList<>();
        // equality and its aliases
        table.add(new Object[]{f("name", "=", "Alpha"), List.of("Alpha")});
        table.add(new Object[]{f("name", "eq", "Alpha"), List.of("Alpha")});
        table.add(new Object[]{f("name", "IS", "Alpha"), List.of("Alpha")});
        table.add(new Object[]{f("name", "=", "alpha"), List.of()});
        table.add(new Object[]{f("qty", "=", 5), List.of("beta")});
        // not equal keeps rows whose field is null
        table.add(new Object[]{f("qty", "<>", 5), List.of("Alpha", "Gamma", "delta", "O'Brien")});
        table.add(new Object[]{f("qty", "ne", 5), List.of("Alpha", "Gamma", "delta", "O'Brien")});
        table.add(new Object[]{f("qty", "isnot", 5), List.of("Alpha", "Gamma", "delta", "O'Brien")});
        // null
        table.add(new Object[]{f("qty", "=", null), List.of("delta")});
        table.add(new Object[]{f("qty", "is", null), List.of("delta")});
        table.add(new Object[]{f("qty", "<>", null), List.of("Alpha", "beta", "Gamma", "O'Brien")});
        // ordering comparisons
        table.add(new Object[]{f("qty", ">", 3), List.of("beta", "Gamma")});
        table.add(new Object[]{f("qty", "gt", 3), List.of("beta", "Gamma")});
        table.add(new Object[]{f("qty", ">=", 3), List.of("beta", "Gamma", "O'Brien")});
        table.add(new Object[]{f("qty", "gte", 3), List.of("beta", "Gamma", "O'Brien")});
        table.add(new Object[]{f("price", "<", 50), List.of("Alpha")});
        table.add(new Object[]{f("price", "lt", 50), List.of("Alpha")});
        table.add(new Object[]{f("price", "<=", 50), List.of("Alpha", "Gamma")});
        table.add(new Object[]{f("price", "lte", 50.0), List.of("Alpha", "Gamma")});
        // text matching: case-insensitive, % and _ literal
        table.add(new Object[]{f("name", "contains", "ET"), List.of("beta")});
        table.add(new Object[]{f("name", "contains", "a"), List.of("Alpha", "beta", "Gamma", "delta")});
        table.add(new Object[]{f("note", "contains", "100%"), List.of("beta")});
        table.add(new Object[]{f("note", "contains", "%"), List.of("beta")});
        table.add(new Object[]{f("note", "contains", "_"), List.of("Gamma")});
        table.add(new Object[]{f("note", "contains", "t_o"), List.of()});
        table.add(new Object[]{f("note", "contains", "'"), List.of("O'Brien")});
        table.add(new Object[]{f("name", "notcontains", "a"), List.of("O'Brien")});
        table.add(new Object[]{f("note", "notcontains", "O"), List.of("delta")});
        table.add(new Object[]{f("name", "startswith", "g"), List.of("Gamma")});
        table.add(new Object[]{f("name", "endswith", "A"), List.of("Alpha", "beta", "Gamma", "delta")});
        table.add(new Object[]{f("name", "startswith", "O'"), List.of("O'Brien")});
        // between (inclusive) and notbetween
        table.add(new Object[]{f("qty", "between", List.of(3, 5)), List.of("beta", "O'Brien")});
        table.add(new Object[]{f("name", "between", List.of("A", "D")), List.of("Alpha")});
        table.add(new Object[]{f("qty", "notbetween", List.of(3, 5)), List.of("Alpha", "Gamma", "delta")});
        // in / notin
        table.add(new Object[]{f("name", "in", List.of("Alpha", "Gamma", "nobody")), List.of("Alpha", "Gamma")});
        table.add(new Object[]{f("name", "in", List.of()), List.of()});
        table.add(new Object[]{f("qty", "notin", List.of()), List.of("Alpha", "beta", "Gamma", "delta", "O'Brien")});
        table.add(new Object[]{f("qty", "notin", List.of(0, 12)), List.of("beta", "delta", "O'Brien")});
        table.add(new Object[]{f("qty", "in", Arrays.asList(0, null)), List.of("Alpha", "delta")});
        // dates: instants compared; a date alone is that day's start, UTC
        table.add(new Object[]{f("madeAt", "between", List.of("2025-01-01", "2025-01-31T23:59:59Z")), List.of("Alpha", "beta")});
        table.add(new Object[]{f("madeAt", "<", "2025-01-01"), List.of("O'Brien")});
        table.add(new Object[]{f("madeAt", ">=", "2025-02-01"), List.of("Gamma")});
        table.add(new Object[]{f("madeAt", "=", "2025-01-31T13:00:00+01:00"), List.of("beta")});
        // booleans
        table.add(new Object[]{f("active", "=", true), List.of("Alpha", "Gamma")});
        table.add(new Object[]{f("active", "=", false), List.of("beta", "O'Brien")});
        table.add(new Object[]{f("active", "<>", true), List.of("beta", "delta", "O'Brien")});
        // groups: AND binds tighter than OR; nesting; a single condition in brackets
        table.add(new Object[]{f(f("qty", ">", 0), "and", f("price", ">", 50)), List.of("beta", "O'Brien")});
        table.add(new Object[]{f(f("name", "=", "Alpha"), "or", f("qty", ">", 3), "and", f("price", ">", 60)), List.of("Alpha", "beta")});
        table.add(new Object[]{f(f(f("name", "=", "Alpha"), "or", f("qty", ">", 3)), "and", f("price", ">", 60)), List.of("beta")});
        table.add(new Object[]{f(f("name", "=", "Alpha")), List.of("Alpha")});
        table.add(new Object[]{f(f("name", "=", "Alpha"), "OR", f("name", "=", "beta")), List.of("Alpha", "beta")});
        table.add(new Object[]{f(), List.of("Alpha", "beta", "Gamma", "delta", "O'Brien")});
        // JSON paths on jsonb and json: the value's type decides the comparison
        table.add(new Object[]{f("specs.dimensions.width", "=", 10), List.of("Alpha", "O'Brien")});
        table.add(new Object[]{f("specs.dimensions.width", ">", 10), List.of("beta")});
        table.add(new Object[]{f("specs.dimensions.width", "between", List.of(20, 30)), List.of("beta")});
        table.add(new Object[]{f("specs.color", "=", "red"), List.of("Alpha")});
        table.add(new Object[]{f("specs.color", "contains", "BLU"), List.of("beta")});
        table.add(new Object[]{f("specs.color", "in", List.of("red", "green")), List.of("Alpha", "Gamma")});
        table.add(new Object[]{f("specs.fragile", "=", true), List.of("Alpha")});
        table.add(new Object[]{f("specs.fragile", "=", false), List.of("beta")});
        table.add(new Object[]{f("specs.dimensions.width", "is", null), List.of("Gamma", "delta")});
        table.add(new Object[]{f("specs.dimensions.width", "isnot", null), List.of("Alpha", "beta", "O'Brien")});
        table.add(new Object[]{f("specs.dimensions.unit", "=", "cm"), List.of("Alpha")});
        table.add(new Object[]{f("specs.color", "=", 5), List.of()});
        table.add(new Object[]{f("meta.tag", "in", List.of("a", "c")), List.of("Alpha", "O'Brien")});
        table.add(new Object[]{f("meta", "=", null), List.of("Gamma", "delta")});
        return table.stream().flatMap(t -> Conformance.dialects().map(d -> Arguments.of(d, t[0], t[1])));
    }

    @ParameterizedTest(name = "{0}: {1} matches {2}")
    @MethodSource("cases")
    void filterMatchesTheSameRowsOnEveryDialect(String dialect, List<Object> filter, List<String> expected) {
        List<Map<String, Object>> rows = db(dialect).getTableData("items",
                ReadOptions.fromMap(Map.of("filter", filter, "fields", List.of("name"))));
        List<Object> names = Conformance.values(rows, "name");
        assertEquals(new TreeSet<>(expected), new TreeSet<>(names.stream().map(String::valueOf).toList()),
                "filter " + filter);
        assertEquals(expected.size(), names.size(), "no duplicates");
        assertEquals(expected.size(), db(dialect).countRows("items", ReadOptions.filter(filter)), "countRows agrees");
    }

    /** The filter model writes back every filter of the table exactly as it was written. */
    @Test
    void everyFilterOfTheTableComesBackFromTheModelUnchanged() {
        List<Object> filters = cases().map(a -> a.get()[1]).distinct().toList();
        assertTrue(filters.size() >= 60, "filters: " + filters.size());
        for (Object filter : filters) {
            assertEquals(filter, Filter.parse(filter).toArray());
        }
    }

    static Stream<Arguments> invalidFilters() {
        List<Object[]> table = new ArrayList<>();
        table.add(new Object[]{f("qty", "like", 3), ErrorCode.INVALID_FILTER, "filter[1]"});
        table.add(new Object[]{f("qty", "="), ErrorCode.INVALID_FILTER, "three parts"});
        table.add(new Object[]{f(f("qty", "=", 1), "and"), ErrorCode.INVALID_FILTER, "ends with"});
        table.add(new Object[]{f("and", f("qty", "=", 1)), ErrorCode.INVALID_FILTER, "between two"});
        table.add(new Object[]{f(f("qty", "=", 1), "xor", f("qty", "=", 2)), ErrorCode.INVALID_FILTER, "filter[1]"});
        table.add(new Object[]{f("qty", "between", List.of(1)), ErrorCode.INVALID_FILTER, "two values"});
        table.add(new Object[]{f("qty", "in", 3), ErrorCode.INVALID_FILTER, "array"});
        table.add(new Object[]{f("qty", "=", "many"), ErrorCode.INVALID_FILTER, "whole number"});
        table.add(new Object[]{f("madeAt", ">", "yesterday"), ErrorCode.INVALID_FILTER, "ISO-8601"});
        table.add(new Object[]{f("active", "=", "maybe"), ErrorCode.INVALID_FILTER, "true or false"});
        table.add(new Object[]{f("qty", "contains", "1"), ErrorCode.INVALID_FILTER, "text fields"});
        table.add(new Object[]{f("nope", "=", 1), ErrorCode.UNKNOWN_FIELD, "nope"});
        table.add(new Object[]{f("name.first", "=", 1), ErrorCode.UNKNOWN_FIELD, "name.first"});
        table.add(new Object[]{f(f("qty", "=", 1), "and", f("ghost", "=", 1)), ErrorCode.UNKNOWN_FIELD, "ghost"});
        table.add(new Object[]{f(f("qty", "=", 1), "or", f("qty", "=", 2), "and", f("ghost", "=", 1)), ErrorCode.UNKNOWN_FIELD, "filter[4][0]"});
        table.add(new Object[]{f(f("qty", "=", 1), "and", f(f("qty", "=", 2), "or", f("qty", ">", "x"))), ErrorCode.INVALID_FILTER, "filter[2][2]"});
        // Issue 11: conditions are joined by a word; side by side they are refused, not ANDed.
        table.add(new Object[]{f(f("qty", "=", 1), f("name", "=", "Alpha")), ErrorCode.INVALID_FILTER, "filter[1]"});
        table.add(new Object[]{f(f("qty", "=", 1), "and", f(f("qty", "=", 2), f("qty", "=", 3))), ErrorCode.INVALID_FILTER, "filter[2][1]"});
        return table.stream().flatMap(t -> Conformance.dialects().map(d -> Arguments.of(d, t[0], t[1], t[2])));
    }

    @ParameterizedTest(name = "{0}: {1} is {2}")
    @MethodSource("invalidFilters")
    void badFilterIsRefusedWithItsPosition(String dialect, List<Object> filter, ErrorCode code, String messagePart) {
        var e = assertCode(code, () -> db(dialect).getTableData("items", ReadOptions.filter(filter)));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}
