package dev.tablewright.core.filter;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.dialect.SqliteDialect;
import dev.tablewright.core.filter.Filter.Condition;
import dev.tablewright.core.filter.Filter.Group;
import dev.tablewright.core.filter.Filter.Junction;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;
import dev.tablewright.core.testing.RandomFilters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one parser and writer of filter arrays: what they make of each shape, and where they say a filter is wrong. */
class FilterParserTest {
    private static List<Object> l(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    @Test
    void aBareConditionIsAConditionAndTheSameInBracketsIsAGroupOfOne() {
        Condition bare = assertInstanceOf(Condition.class, Filter.parse(l("age", "gte", 18)));
        assertEquals(Operator.GTE, bare.operator());
        assertEquals("gte", bare.spelling());
        assertEquals(new FilterValue.Literal(18), bare.value());

        Group one = assertInstanceOf(Group.class, Filter.parse(l(l("age", ">=", 18))));
        assertEquals(List.of(Condition.of("age", Operator.GTE, FilterValue.of(18))), one.items());
        assertEquals(l(l("age", ">=", 18)), one.toArray());
    }

    @Test
    void valuesAreTyped() {
        assertEquals(FilterValue.NULL, ((Condition) Filter.parse(l("a", "is", null))).value());
        assertEquals(new FilterValue.Items(l(1, null, "x")), ((Condition) Filter.parse(l("a", "in", l(1, null, "x")))).value());
        assertEquals(new FilterValue.Literal(true), ((Condition) Filter.parse(l("a", "=", true))).value());
    }

    @Test
    void andBindsTighterThanOrAndTheRunStaysUnbracketed() {
        Group or = assertInstanceOf(Group.class, Filter.parse(l(l("a", "=", 1), "OR", l("b", "=", 2), "and", l("c", "=", 3))));

        assertEquals(Junction.OR, or.junction());
        assertEquals(List.of("OR"), or.words());
        Group run = assertInstanceOf(Group.class, or.items().get(1));
        assertEquals(Junction.AND, run.junction());
        assertTrue(run.unbracketed());
        assertEquals(l(l("a", "=", 1), "OR", l("b", "=", 2), "and", l("c", "=", 3)), or.toArray());
    }

    @Test
    void anAndGroupMadeOrGainsItsBrackets() {
        Group or = (Group) Filter.parse(l(l("a", "=", 1), "or", l("b", "=", 2), "and", l("c", "=", 3)));
        Group run = (Group) or.items().get(1);
        Group nowOr = new Group(Junction.OR, run.items(), run.words(), run.unbracketed());
        Group edited = new Group(Junction.OR, List.of(or.items().get(0), nowOr), or.words(), false);

        assertEquals(l(l("a", "=", 1), "or", l(l("b", "=", 2), "or", l("c", "=", 3))), edited.toArray(),
                "a word that no longer fits is written plainly, and the group bracketed");
    }

    @Test
    void generatedFiltersComeBackUnchanged() {
        RandomFilters.forEach(800, filter -> assertEquals(filter, Filter.parse(filter).toArray()));
    }

    @Test
    void parsingAParsedFilterGivesItBack() {
        Filter f = Filter.parse(l("a", "=", 1));
        assertSame(f, Filter.parse(f));
        assertEquals(Filter.none(), Filter.parse(null));
        assertEquals(Filter.none(), Filter.parse(l()));
        assertEquals(l(), Filter.none().toArray());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("age > 3", "filter", "a filter is an array"),
                Arguments.of(l("a", "like", 1), "filter[1]", "unknown operator 'like'"),
                Arguments.of(l(l("a", "=", 1), "or", l("b", "like", 2)), "filter[2][1]", "unknown operator 'like'"),
                Arguments.of(l(l("a", "=", 1), "xor", l("b", "=", 2)), "filter[1]", "expected 'and', 'or' or a condition"),
                Arguments.of(l("or", l("b", "=", 2)), "filter[0]", "must stand between two conditions"),
                Arguments.of(l(l("a", "=", 1), "and", "or", l("b", "=", 2)), "filter[2]", "must stand between two conditions"),
                Arguments.of(l(l("b", "=", 2), "and"), "filter[1]", "ends with"),
                Arguments.of(l(l("b", "between", l(1))), "filter[0][2]", "two values"),
                Arguments.of(l(l("b", "between", l(1, null))), "filter[0][2]", "two non-null values"),
                Arguments.of(l(l("b", "in", 3)), "filter[0][2]", "takes an array"),
                Arguments.of(l(l("b", "in", l(1, l(2)))), "filter[0][2][1]", "text, a number"),
                Arguments.of(l(l("b", "=", l(2))), "filter[0][2]", "one value"),
                Arguments.of(l(l("b", "=", Map.of("x", 1))), "filter[0][2]", "one value"),
                Arguments.of(l(l("b", "=")), "filter[0]", "three parts"),
                Arguments.of(l(l("b", 5, 1)), "filter[0][1]", "operator must be text"),
                Arguments.of(l(l("a", "=", 1), l()), "filter[1]", "joined by 'and' or 'or'"),
                Arguments.of(l(l("a", "=", 1), "and", l()), "filter[2]", "an empty condition"),
                Arguments.of(l(l("a", "=", 1), 7), "filter[1]", "expected a condition"),
                Arguments.of(l(l("a", "=", 1), "and", l(l("b", "=", 2), l("c", "=", 3))), "filter[2][1]", "joined by 'and' or 'or'"));
    }

    @ParameterizedTest(name = "{0} is wrong at {1}")
    @MethodSource("malformed")
    void aMalformedFilterIsRefusedWithThePositionOfTheWrongPart(Object filter, String at, String why) {
        FilterException e = assertThrows(FilterException.class, () -> Filter.parse(filter));

        assertEquals(ErrorCode.INVALID_FILTER, e.code());
        assertEquals(at, e.at());
        assertTrue(e.getMessage().startsWith("Invalid filter at " + at + ": ") && e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void conditionsSideBySideWithoutAWordAreRefused() {
        FilterException e = assertThrows(FilterException.class,
                () -> Filter.parse(l(l("users.id", "=", "posts.userId"), l("users.name", "=", "Alice"))));

        assertEquals("filter[1]", e.at());
    }

    private static final TableSchema ITEMS = schema("items", "qty", LogicalType.INTEGER, "name", LogicalType.STRING);

    private static TableSchema schema(String name, Object... fieldsAndTypes) {
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndTypes.length; i += 2) {
            fields.put((String) fieldsAndTypes[i], FieldSpec.of((LogicalType) fieldsAndTypes[i + 1]));
        }
        return new TableSchema(name, fields, new TableSchema.Options(false), List.of(), true, null, null);
    }

    private static FilterException compileError(Object filter) {
        return assertThrows(FilterException.class,
                () -> new FilterCompiler(new SqliteDialect(), FilterSql.fields(new SqliteDialect(), ITEMS)).compile(Filter.parse(filter)));
    }

    @Test
    void theCompilerNamesThePositionAsWrittenEvenInsideAnUnbracketedRun() {
        FilterException unknown = compileError(l(l("qty", "=", 1), "or", l("name", "=", "a"), "and", l("ghost", "=", 1)));
        assertEquals(ErrorCode.UNKNOWN_FIELD, unknown.code());
        assertEquals("filter[4][0]", unknown.at());
        assertTrue(unknown.getMessage().startsWith("At filter[4][0]: Table 'items' has no field 'ghost'"), unknown.getMessage());

        FilterException badValue = compileError(l(l("qty", "=", 1), "and", l(l("name", "=", "a"), "or", l("qty", ">", "many"))));
        assertEquals(ErrorCode.INVALID_FILTER, badValue.code());
        assertEquals("filter[2][2]", badValue.at());

        assertEquals("filter[2][2]", compileError(l("qty", "in", l(1, 2, "x"))).at(), "the third value of a bare condition's list");
    }

    @Test
    void theCompilerJoinsGroupsAsTheArraySays() {
        FilterCompiler compiler = new FilterCompiler(new SqliteDialect(), FilterSql.fields(new SqliteDialect(), ITEMS));

        assertEquals("((\"qty\" = ?) OR (\"qty\" = ? AND \"name\" = ?))",
                compiler.compile(Filter.parse(l(l("qty", "=", 1), "or", l("qty", "=", 2), "and", l("name", "=", "a")))).sql());
        assertEquals("((\"qty\" = ? AND ((\"qty\" = ?) OR (\"name\" = ?))))",
                compiler.compile(Filter.parse(l(l("qty", "=", 1), "and", l(l("qty", "=", 2), "or", l("name", "=", "a"))))).sql());
    }

    @Test
    void aTextNamingAQueriedColumnIsAColumnInAQueryOverSeveralTables() {
        TableSchema posts = schema("posts", "userId", LogicalType.STRING, "title", LogicalType.STRING);
        TableSchema users = schema("users", "id", LogicalType.STRING);
        Map<String, TableSchema> tables = new LinkedHashMap<>();
        tables.put("users", users);
        tables.put("posts", posts);

        Filter read = FilterSql.withColumns(Filter.parse(l(l("users.id", "=", "posts.userId"), "and", l("posts.title", "contains", "posts.userId"),
                "and", l("posts.title", "=", "posts.nope"))), tables);

        List<Filter> items = ((Group) read).items();
        assertEquals(new FilterValue.Column("posts", "userId"), ((Condition) items.get(0)).value());
        assertEquals(new FilterValue.Literal("posts.userId"), ((Condition) items.get(1)).value(), "text matching takes text");
        assertEquals(new FilterValue.Literal("posts.nope"), ((Condition) items.get(2)).value(), "not a column of the tables");
        assertEquals(l(l("users.id", "=", "posts.userId"), "and", l("posts.title", "contains", "posts.userId"), "and", l("posts.title", "=", "posts.nope")),
                read.toArray(), "a column is written back as the text it was");
    }
}
