package dev.tablewright.app.filter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tablewright.core.filter.Operator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Array → tree → array gives the same array, for the reference's filters and generated ones. */
class FilterArraysTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<Object> l(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    /** The filters of the reference document's query examples, as written there. */
    static List<Object> referenceFilters() {
        return List.of(
                l("status", "=", "active"),
                l("createdAt", "between", l("2025-01-01", "2025-01-31T23:59:59Z")),
                l(l("quantity", ">", 0), "and", l("price", ">", 50)),
                l("priority", "in", l("high", "critical")),
                l(l("users.id", "=", "posts.userId")),
                l(l("users.id", "=", "posts.userId"), "and", l("users.name", "=", "Alice")),
                l(l("users.id", "=", "orders.userId"), "and", l("orders.shipmentId", "=", "shipments.id"), "and",
                        l("users.name", "=", "Alice"), "and", l("shipments.details.priority", "=", true)),
                l("username", "=", "$USER"));
    }

    /** Every filter written in the project's example call files. */
    static List<Object> exampleFileFilters() throws IOException {
        List<Object> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                collectFilters(YAML.readValue(f.toFile(), Object.class), found);
            }
        }
        return found;
    }

    private static void collectFilters(Object node, List<Object> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("filter".equals(k)) {
                    out.add(v);
                } else {
                    collectFilters(v, out);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectFilters(item, out));
        }
    }

    @Test
    void everyReferenceFilterComesBackUnchanged() {
        for (Object filter : referenceFilters()) {
            assertEquals(filter, FilterArrays.toArray(FilterArrays.toTree(filter)));
            assertEquals(filter, FilterJson.parse(FilterJson.format(filter)).value());
        }
    }

    @Test
    void everyExampleCallFileFilterComesBackUnchanged() throws IOException {
        List<Object> filters = exampleFileFilters();
        assertTrue(filters.size() >= 20, "the example files hold filters: " + filters.size());
        for (Object filter : filters) {
            assertEquals(filter, FilterArrays.toArray(FilterArrays.toTree(filter)), String.valueOf(filter));
        }
    }

    @Test
    void generatedFiltersComeBackUnchanged() {
        RandomFilters.forEach(400, filter -> assertEquals(filter, FilterArrays.toArray(FilterArrays.toTree(filter))));
    }

    @Test
    void generatedFiltersSurviveTheJsonPane() {
        RandomFilters.forEach(200, filter -> {
            FilterJson.Parsed parsed = FilterJson.parse(FilterJson.format(filter));
            assertEquals(filter, parsed.value());
            assertEquals(filter, FilterArrays.toArray(FilterArrays.toTree(parsed.value())));
        });
    }

    @Test
    void aCopiedTreeWritesTheSameArray() {
        RandomFilters.forEach(200, filter -> assertEquals(filter, FilterArrays.toArray(FilterArrays.toTree(filter).copy())));
    }

    @Test
    void whereAndMeetsOrTheTreeShowsTheAndRunAsAGroup() {
        FilterGroup root = FilterArrays.toTree(l(l("a", "=", 1), "or", l("b", "=", 2), "and", l("c", "=", 3)));

        assertEquals(FilterGroup.Junction.OR, root.junction());
        assertEquals(2, root.children().size());
        assertInstanceOf(FilterCondition.class, root.children().get(0));
        FilterGroup and = assertInstanceOf(FilterGroup.class, root.children().get(1));
        assertEquals(FilterGroup.Junction.AND, and.junction());
        assertTrue(and.isImplicit(), "the array writes it without brackets");
        assertEquals(List.of(new FilterCondition("b", "=", 2), new FilterCondition("c", "=", 3)), and.children());
    }

    @Test
    void adjacentConditionsAreAndedAndStayAdjacent() {
        List<Object> filter = l(l("users.id", "=", "posts.userId"), l("users.name", "=", "Alice"));
        FilterGroup root = FilterArrays.toTree(filter);

        assertEquals(FilterGroup.Junction.AND, root.junction());
        assertEquals(filter, FilterArrays.toArray(root));
    }

    @Test
    void aMalformedFilterIsRefusedWithThePathOfTheWrongPart() {
        InvalidFilterException unknown = assertThrows(InvalidFilterException.class,
                () -> FilterArrays.toTree(l(l("a", "=", 1), "or", l("b", "like", 2))));
        assertEquals("filter[2][1]", unknown.at());
        assertTrue(unknown.getMessage().contains("unknown operator 'like'"), unknown.getMessage());

        assertEquals("filter[1]", assertThrows(InvalidFilterException.class, () -> FilterArrays.toTree(l(l("a", "=", 1), "xor", l("b", "=", 2)))).at());
        assertEquals("filter[0]", assertThrows(InvalidFilterException.class, () -> FilterArrays.toTree(l("or", l("b", "=", 2)))).at());
        assertEquals("filter[1]", assertThrows(InvalidFilterException.class, () -> FilterArrays.toTree(l(l("b", "=", 2), "and"))).at());
        assertEquals("filter[0][2]", assertThrows(InvalidFilterException.class, () -> FilterArrays.toTree(l(l("b", "between", l(1))))).at());
        assertEquals("filter[0]", assertThrows(InvalidFilterException.class, () -> FilterArrays.toTree(l(l("b", "=")))).at());
        assertEquals("filter", assertThrows(InvalidFilterException.class, () -> FilterArrays.toTree("age > 3")).at());
    }

    @Test
    void jsonTextMarksTheLineAndColumnOfAWrongPart() {
        String text = "[\n  [\"a\", \"=\", 1],\n  \"or\",\n  [\"b\", \"like\", 2]\n]";
        FilterJson.Parsed parsed = FilterJson.parse(text);
        InvalidFilterException e = assertThrows(InvalidFilterException.class, () -> FilterArrays.toTree(parsed.value()));

        FilterJson.Position at = parsed.positionOf(e.at());
        assertEquals(4, at.line());
        assertEquals(9, at.column());
    }

    @Test
    void textThatIsNotJsonSaysWhereReadingStopped() {
        FilterJson.SyntaxException e = assertThrows(FilterJson.SyntaxException.class, () -> FilterJson.parse("[[\"a\", \"=\" 1]]"));

        assertEquals(1, e.position().line());
        assertEquals(12, e.position().column());
        assertFalse(e.getMessage().isBlank());
    }
}
